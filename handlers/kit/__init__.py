"""What every feature shares: flows, typed buttons, replies, streaming, voice, the job picker,
limits and the error handler."""
