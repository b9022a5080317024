## /language
language-name = Español
language-choose = 🌐 Tu idioma: <b>{ $current }</b>. Elige otro:
language-set = 🌐 Listo: a partir de ahora te hablaré en español.
command-language = Cambiar el idioma
