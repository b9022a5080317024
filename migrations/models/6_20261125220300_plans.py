"""Plans: the user's plan and its expiry, lifetime usage counters (spent by conditional UPDATEs),
the interview-start token bucket, and the Telegram Stars payments that bought the plans.

Written for PostgreSQL and SQLite. CHECK constraints hold the plan enum and the ranges; the
charge id is UNIQUE so a replayed successful_payment is applied once; the foreign key has its
own index (PostgreSQL does not index foreign keys by itself).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

_USER_COLUMNS = (
    "plan",
    "plan_expires_at",
    "questions_used",
    "interviews_used",
    "resumes_used",
    "interview_tokens",
    "interview_tokens_at",
)


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    if postgres:
        pk, ts, real = '"id" SERIAL NOT NULL PRIMARY KEY', "TIMESTAMPTZ", "DOUBLE PRECISION"
        boolean, false = "BOOLEAN", "FALSE"
    else:
        pk, ts, real = '"id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL', "TIMESTAMP", "REAL"
        boolean, false = "INT", "0"
    return f"""
ALTER TABLE "users" ADD COLUMN "plan" VARCHAR(8) NOT NULL DEFAULT 'free'
    CONSTRAINT "users_plan_check" CHECK ("plan" IN ('free', 'pro', 'max'));
ALTER TABLE "users" ADD COLUMN "plan_expires_at" {ts};
ALTER TABLE "users" ADD COLUMN "questions_used" INT NOT NULL DEFAULT 0
    CONSTRAINT "users_questions_used_check" CHECK ("questions_used" >= 0);
ALTER TABLE "users" ADD COLUMN "interviews_used" INT NOT NULL DEFAULT 0
    CONSTRAINT "users_interviews_used_check" CHECK ("interviews_used" >= 0);
ALTER TABLE "users" ADD COLUMN "resumes_used" INT NOT NULL DEFAULT 0
    CONSTRAINT "users_resumes_used_check" CHECK ("resumes_used" >= 0);
ALTER TABLE "users" ADD COLUMN "interview_tokens" {real}
    CONSTRAINT "users_interview_tokens_check" CHECK ("interview_tokens" >= 0);
ALTER TABLE "users" ADD COLUMN "interview_tokens_at" {ts};
CREATE TABLE IF NOT EXISTS "payments" (
    {pk},
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "plan" VARCHAR(8) NOT NULL
        CONSTRAINT "payments_plan_check" CHECK ("plan" IN ('pro', 'max')),
    "amount" INT NOT NULL CONSTRAINT "payments_amount_check" CHECK ("amount" > 0),
    "currency" VARCHAR(8) NOT NULL DEFAULT 'XTR',
    "telegram_payment_charge_id" VARCHAR(255) NOT NULL
        CONSTRAINT "uid_payments_telegram_payment_charge_id" UNIQUE,
    "provider_payment_charge_id" VARCHAR(255),
    "invoice_payload" VARCHAR(128) NOT NULL DEFAULT '',
    "is_recurring" {boolean} NOT NULL DEFAULT {false},
    "days" INT NOT NULL DEFAULT 30 CONSTRAINT "payments_days_check" CHECK ("days" > 0),
    "refunded" {boolean} NOT NULL DEFAULT {false},
    "refunded_at" {ts},
    "created_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_payments_user_id" ON "payments" ("user_id", "created_at");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    drops = "\n".join(f'ALTER TABLE "users" DROP COLUMN "{c}";' for c in _USER_COLUMNS)
    return f"""
DROP TABLE IF EXISTS "payments";
{drops}
"""
