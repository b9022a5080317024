"""python-telegram-bot's conversation states and user_data, so flows survive restarts."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    pk = '"id" SERIAL NOT NULL PRIMARY KEY' if postgres else '"id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL'
    ts, js = ("TIMESTAMPTZ", "JSONB") if postgres else ("TIMESTAMP", "JSON")
    return f"""
CREATE TABLE IF NOT EXISTS "bot_state" (
    {pk},
    "kind" VARCHAR(32) NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "value" {js} NOT NULL,
    "updated_at" {ts} NOT NULL,
    CONSTRAINT "uid_bot_state_kind_key" UNIQUE ("kind", "key")
);
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return 'DROP TABLE IF EXISTS "bot_state";'
