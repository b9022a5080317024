# Interview Coach: the bot on a slim Python, as a non-root user, installed from pyproject.toml.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 coach
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY models ./models
COPY migrations ./migrations
RUN pip install . && mkdir -p /app/data && chown coach:coach /app/data

USER coach
ENV DATA_DIR=/app/data
# /healthz and /metrics when METRICS_PORT is set (compose sets 9100); webhooks on PORT.
EXPOSE 8080 9100
CMD ["python", "-m", "bot"]
