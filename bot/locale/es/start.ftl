## /start, /help, /cancel and what happens outside any flow.

start-welcome = 👋 ¡Hola, { $name }! Soy tu <b>coach de entrevistas con IA</b>.

    Guarda una vacante para la que te estés preparando y luego:
    • <b>practica</b> preguntas técnicas por dificultad y recibe una nota de 1 a 10 por cada respuesta, con comentarios y la respuesta correcta;
    • haz una <b>entrevista simulada</b> por texto o por voz y recibe un informe completo;
    • haz revisar tu <b>currículum</b> frente a la vacante.

    Empieza con /newjob. /help muestra todos los comandos.
start-help-title = <b>Comandos</b>
start-nothing-to-cancel = No hay nada que cancelar. /help muestra lo que puedo hacer.
start-not-waiting-file = Ahora mismo no espero ningún archivo. Para revisar un currículum, envía primero /resume; para la descripción de una vacante, empieza con /newjob.
start-not-waiting-voice = Ahora mismo no espero ninguna respuesta. Empieza con /practice o /interview.
start-not-waiting = Ahora mismo no espero ninguna respuesta. Prueba /practice, /interview o /help.
start-paste-joined = 📎 Telegram dividió tu texto en { $parts } partes; las he vuelto a unir en uno solo ({ NUMBER($chars, useGrouping: "true") } caracteres).
start-unknown-command = Lo siento, no conozco ese comando. Mira /help.
start-stale-button = Este botón ya no está activo. Envía /help para volver a empezar.
start-groups-answer = Solo funciono en chats privados.
start-groups-pointer = Entreno a una persona cada vez; escríbeme en privado: @{ $bot }

## The command menu (setMyCommands) and /help
command-start = Bienvenida y lo que puedo hacer
command-newjob = Guardar una vacante para prepararte
command-jobs = Tus vacantes guardadas
command-practice = Practicar preguntas de entrevista
command-review = Repasar las preguntas pendientes
command-progress = Tu progreso a lo largo del tiempo
command-remind = Un recordatorio diario para practicar
command-interview = Hacer una entrevista simulada
command-interviews = Entrevistas anteriores e informes
command-resume = Revisar tu currículum frente a una vacante
command-plan = Tu plan y tu uso
command-upgrade = Mejorar el plan con Telegram Stars
command-paysupport = Ayuda con los pagos
command-help = Todos los comandos
command-cancel = Salir del paso actual
