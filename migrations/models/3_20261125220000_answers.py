"""Answers to practice questions, rated 1-10, deleted with their question.

Written for PostgreSQL and SQLite: the rating range is a CHECK constraint and the foreign key
has its own index (PostgreSQL does not index foreign keys by itself).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    ts, uuid = ("TIMESTAMPTZ", "UUID") if postgres else ("TIMESTAMP", "CHAR(36)")
    return f"""
CREATE TABLE IF NOT EXISTS "answers" (
    "id" {uuid} NOT NULL PRIMARY KEY,
    "question_id" {uuid} NOT NULL REFERENCES "questions" ("id") ON DELETE CASCADE,
    "text" TEXT NOT NULL,
    "rating" SMALLINT NOT NULL
        CONSTRAINT "answers_rating_check" CHECK ("rating" BETWEEN 1 AND 10),
    "feedback" TEXT NOT NULL,
    "created_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_answers_question_id" ON "answers" ("question_id");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return 'DROP TABLE IF EXISTS "answers";'
