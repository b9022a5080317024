## /language
language-name = Русский
language-choose = 🌐 Ваш язык: <b>{ $current }</b>. Выберите другой:
language-set = 🌐 Готово — теперь я буду говорить по-русски.
command-language = Сменить язык
