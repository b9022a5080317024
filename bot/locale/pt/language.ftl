## /language
language-name = Português (Brasil)
language-choose = 🌐 Seu idioma: <b>{ $current }</b>. Escolha outro:
language-set = 🌐 Pronto — a partir de agora vou falar em português.
command-language = Mudar o idioma
