## /start, /help, /cancel and what happens outside any flow.

start-welcome = 👋 Oi, { $name }! Eu sou seu <b>coach de entrevistas com IA</b>.

    Salve uma vaga para a qual você está se preparando e depois:
    • <b>pratique</b> perguntas técnicas por dificuldade e receba uma nota de 1 a 10 para cada resposta, com comentários e a resposta correta;
    • faça uma <b>entrevista simulada</b> por texto ou voz e receba um relatório completo;
    • tenha seu <b>currículo</b> avaliado em relação à vaga.

    Comece com /newjob. /help lista todos os comandos.
start-help-title = <b>Comandos</b>
start-nothing-to-cancel = Não há nada para cancelar. /help mostra o que eu sei fazer.
start-not-waiting-file = No momento não estou esperando nenhum arquivo. Para avaliar um currículo, envie /resume primeiro; para a descrição de uma vaga, comece com /newjob.
start-not-waiting-voice = No momento não estou esperando uma resposta. Comece com /practice ou /interview.
start-not-waiting = No momento não estou esperando uma resposta. Tente /practice, /interview ou /help.
start-paste-joined = 📎 O Telegram dividiu seu texto em { $parts } partes; eu as juntei de novo em um só ({ NUMBER($chars, useGrouping: "true") } caracteres).
start-unknown-command = Desculpe, não conheço esse comando. Veja /help.
start-stale-button = Este botão não está mais ativo. Envie /help para começar de novo.
start-groups-answer = Eu só funciono em conversas privadas.
start-groups-pointer = Eu treino uma pessoa por vez — fale comigo no privado: @{ $bot }

## The command menu (setMyCommands) and /help
command-start = Boas-vindas e o que eu sei fazer
command-newjob = Salvar uma vaga para se preparar
command-jobs = Suas vagas salvas
command-practice = Praticar perguntas de entrevista
command-review = Revisar as perguntas pendentes
command-progress = Seu progresso ao longo do tempo
command-remind = Um lembrete diário para praticar
command-interview = Fazer uma entrevista simulada
command-interviews = Entrevistas anteriores e relatórios
command-resume = Avaliar seu currículo para uma vaga
command-plan = Seu plano e seu uso
command-upgrade = Fazer upgrade com Telegram Stars
command-paysupport = Ajuda com pagamentos
command-help = Todos os comandos
command-cancel = Sair da etapa atual
