## /language
language-name = English
language-choose = 🌐 Your language: <b>{ $current }</b>. Choose another:
language-set = 🌐 Done — I'll speak English from now on.
command-language = Change the language
