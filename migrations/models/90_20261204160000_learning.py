"""The learning loop (issue 17): the skill a question tests, a spaced-repetition card per
graded question (`review_cards`) and daily practice reminders (`reminders`).

Written for PostgreSQL and SQLite: ranges are CHECK constraints, every foreign key has an index
(the unique question and the user primary key are their own), and the "due now" reads have
theirs: cards by user and due time, enabled reminders by their next send.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    ts, uuid = ("TIMESTAMPTZ", "UUID") if postgres else ("TIMESTAMP", "CHAR(36)")
    serial = "SERIAL NOT NULL PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT"
    real = "DOUBLE PRECISION" if postgres else "REAL"
    boolean = "BOOLEAN" if postgres else "INT"
    true = "TRUE" if postgres else "1"
    return f"""
ALTER TABLE "questions" ADD COLUMN "skill" VARCHAR(32);
CREATE TABLE IF NOT EXISTS "review_cards" (
    "id" {serial},
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "question_id" {uuid} NOT NULL UNIQUE REFERENCES "questions" ("id") ON DELETE CASCADE,
    "due" {ts} NOT NULL,
    "state" SMALLINT NOT NULL CONSTRAINT "review_cards_state_check" CHECK ("state" IN (1, 2, 3)),
    "step" SMALLINT CONSTRAINT "review_cards_step_check" CHECK ("step" >= 0),
    "stability" {real} CONSTRAINT "review_cards_stability_check" CHECK ("stability" > 0),
    "difficulty" {real}
        CONSTRAINT "review_cards_difficulty_check" CHECK ("difficulty" BETWEEN 1 AND 10),
    "last_rating" SMALLINT NOT NULL
        CONSTRAINT "review_cards_last_rating_check" CHECK ("last_rating" BETWEEN 1 AND 10),
    "last_review" {ts} NOT NULL,
    "reviews" INT NOT NULL DEFAULT 1 CONSTRAINT "review_cards_reviews_check" CHECK ("reviews" >= 1)
);
CREATE INDEX IF NOT EXISTS "idx_review_cards_user_due" ON "review_cards" ("user_id", "due");
CREATE TABLE IF NOT EXISTS "reminders" (
    "user_id" BIGINT NOT NULL PRIMARY KEY REFERENCES "users" ("id") ON DELETE CASCADE,
    "hour" SMALLINT NOT NULL CONSTRAINT "reminders_hour_check" CHECK ("hour" BETWEEN 0 AND 23),
    "minute" SMALLINT NOT NULL
        CONSTRAINT "reminders_minute_check" CHECK ("minute" BETWEEN 0 AND 59),
    "time_zone" VARCHAR(64) NOT NULL
        CONSTRAINT "reminders_time_zone_check" CHECK (length("time_zone") BETWEEN 1 AND 64),
    "enabled" {boolean} NOT NULL DEFAULT {true},
    "next_at" {ts},
    "last_sent_at" {ts},
    "created_at" {ts} NOT NULL,
    CONSTRAINT "reminders_next_at_check" CHECK (NOT "enabled" OR "next_at" IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS "idx_reminders_due" ON "reminders" ("next_at") WHERE "enabled";
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP TABLE IF EXISTS "reminders";
DROP TABLE IF EXISTS "review_cards";
ALTER TABLE "questions" DROP COLUMN "skill";
"""
