## The AI layer's failures (`AIUnavailableError.kind`, `ai-error-<kind>`) and its notices.

ai-error-unavailable = O coach de IA não está respondendo agora. Tente de novo em um minuto.
ai-error-timeout = O coach de IA demorou demais para responder. Tente de novo em um minuto.
ai-error-bad-output = O coach de IA deu uma resposta que não consegui usar. Tente de novo em um minuto.
ai-error-no-speech = Mensagens de voz não estão disponíveis com esta configuração de IA. Digite sua resposta, por favor.
ai-error-no-speech-offline = Mensagens de voz precisam de uma chave de IA; o coach offline só funciona com texto.
ai-error-empty-question = O coach de IA devolveu uma pergunta vazia. Tente de novo.
ai-error-empty-reply = { interviews-empty-reply }

# Shown while a slow model is still writing (see `bot.ai.streams.notify_when_slow`).
ai-still-writing = ⏳ O coach ainda está escrevendo — este modelo está lento hoje. Só um momento…
ai-error-refused = O modelo de IA se recusou a escrever isto. Tente de novo.
