"""python-telegram-bot handlers, one module per feature. They speak Telegram only."""
