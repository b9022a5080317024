"""The user's one current conversation flow (name, step, its data, when it last changed), the
last /paysupport relay and the interface language, on the users row: one read per update gives
ban, plan and flow. python-telegram-bot's persistence table `bot_state` is no longer used (a
conversation in progress during the upgrade starts again)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    ts, json = ("TIMESTAMPTZ", "JSONB") if postgres else ("TIMESTAMP", "JSON")
    if postgres:
        checks = """
ALTER TABLE "users" ADD CONSTRAINT "users_flow_step_check"
    CHECK ("flow" IS NOT NULL OR "flow_step" IS NULL);"""
        language = """ALTER TABLE "users" ADD COLUMN "language" VARCHAR(8) NOT NULL DEFAULT 'en'
    CONSTRAINT "users_language_check" CHECK ("language" IN ('en', 'es', 'ru', 'pt'));"""
    else:
        # SQLite can't add a table constraint to an existing table; the column checks do it.
        checks = ""
        language = """ALTER TABLE "users" ADD COLUMN "language" VARCHAR(8) NOT NULL DEFAULT 'en'
    CHECK ("language" IN ('en', 'es', 'ru', 'pt'));"""
    return f"""
ALTER TABLE "users" ADD COLUMN "flow" VARCHAR(24);
ALTER TABLE "users" ADD COLUMN "flow_step" VARCHAR(24);
ALTER TABLE "users" ADD COLUMN "flow_data" {json};
ALTER TABLE "users" ADD COLUMN "flow_at" {ts};
ALTER TABLE "users" ADD COLUMN "support_sent_at" {ts};
{language}{checks}
DROP TABLE IF EXISTS "bot_state";
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
ALTER TABLE "users" DROP COLUMN "flow";
ALTER TABLE "users" DROP COLUMN "flow_step";
ALTER TABLE "users" DROP COLUMN "flow_data";
ALTER TABLE "users" DROP COLUMN "flow_at";
ALTER TABLE "users" DROP COLUMN "support_sent_at";
ALTER TABLE "users" DROP COLUMN "language";
"""
