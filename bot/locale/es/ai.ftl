## The AI layer's failures (`AIUnavailableError.kind`, `ai-error-<kind>`) and its notices.

ai-error-unavailable = El coach de IA no responde en este momento. Inténtalo de nuevo en un minuto.
ai-error-timeout = El coach de IA ha tardado demasiado en responder. Inténtalo de nuevo en un minuto.
ai-error-bad-output = El coach de IA dio una respuesta que no he podido usar. Inténtalo de nuevo en un minuto.
ai-error-no-speech = Los mensajes de voz no están disponibles con esta configuración de IA. Escribe tu respuesta, por favor.
ai-error-no-speech-offline = Los mensajes de voz necesitan una clave de IA; el coach sin conexión solo funciona con texto.
ai-error-empty-question = El coach de IA devolvió una pregunta vacía. Inténtalo de nuevo.
ai-error-empty-reply = { interviews-empty-reply }

# Shown while a slow model is still writing (see `bot.ai.streams.notify_when_slow`).
ai-still-writing = ⏳ El coach sigue escribiendo: hoy este modelo va lento. Un momento…
ai-error-refused = El modelo de IA se negó a escribir esto. Inténtalo de nuevo.
