## Seus dados: /mydata e /deleteme.

account-export-caption = 📦 Tudo o que guardo sobre você: um arquivo JSON por tabela e os relatórios das suas entrevistas em Markdown.
account-export-too-soon = 📦 Enviei seus dados há menos de uma hora. Você pode pedir de novo em { $minutes } min.

account-delete-explain = 🗑 <b>Apagar tudo o que guardo sobre você?</b>

    Isto apaga, para sempre:
    • suas vagas ({ $jobs }), perguntas de treino ({ $questions }) e respostas ({ $answers });
    • suas entrevistas simuladas ({ $interviews }) com os relatórios;
    • suas análises de currículo ({ $resumes });
    • seu plano, seu uso, suas configurações e qualquer conversa em andamento.

    Suas assinaturas com Stars são canceladas. { $payments ->
        [0] Você não fez nenhum pagamento.
        [one] Seu único pagamento é mantido sem seu nome ou usuário (só o id da cobrança, o valor e a data, como exigem a lei e os reembolsos).
       *[other] Seus { $payments } pagamentos são mantidos sem seu nome ou usuário (só os ids das cobranças, os valores e as datas, como exigem a lei e os reembolsos).
    }

    Envie /mydata antes se quiser uma cópia. Depois, você pode começar do zero com /start.
account-button-delete = 🗑 Apagar tudo
account-button-keep = Manter meus dados
account-deleted = ✅ Pronto: tudo o que eu guardava sobre você foi apagado. Se voltar, /start começa do zero.
account-subscription-not-cancelled = ⚠️ O Telegram não me deixou cancelar sua assinatura com Stars; cancele nas configurações do Telegram (Configurações → Minhas Stars).
account-kept = 👍 Nada foi apagado.
account-delete-left = Nada foi apagado.

## The command menu
command-mydata = Baixar tudo o que guardo sobre você
command-deleteme = Apagar todos os seus dados
