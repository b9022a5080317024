"""Users' data: /mydata's once-an-hour clock on the users row, and payments that outlive their
user. Deleting a user (/deleteme) cascades to everything of theirs; a payment is kept for the
law and for refunds but loses its link: `payments.user_id` becomes NULL (ON DELETE SET NULL)
and /deleteme empties the invoice payload, which names the payer.

PostgreSQL changes the constraint in place; SQLite can't alter a foreign key, so the payments
table is rebuilt (same columns, checks and index).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

def _sqlite_payments(user_id: str) -> str:
    return f"""
CREATE TABLE "payments_new" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    {user_id},
    "plan" VARCHAR(8) NOT NULL
        CONSTRAINT "payments_plan_check" CHECK ("plan" IN ('pro', 'max')),
    "amount" INT NOT NULL CONSTRAINT "payments_amount_check" CHECK ("amount" > 0),
    "currency" VARCHAR(8) NOT NULL DEFAULT 'XTR',
    "telegram_payment_charge_id" VARCHAR(255) NOT NULL
        CONSTRAINT "uid_payments_telegram_payment_charge_id" UNIQUE,
    "provider_payment_charge_id" VARCHAR(255),
    "invoice_payload" VARCHAR(128) NOT NULL DEFAULT '',
    "is_recurring" INT NOT NULL DEFAULT 0,
    "days" INT NOT NULL DEFAULT 30 CONSTRAINT "payments_days_check" CHECK ("days" > 0),
    "refunded" INT NOT NULL DEFAULT 0,
    "refunded_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
);
INSERT INTO "payments_new" SELECT "id", "user_id", "plan", "amount", "currency",
    "telegram_payment_charge_id", "provider_payment_charge_id", "invoice_payload",
    "is_recurring", "days", "refunded", "refunded_at", "created_at" FROM "payments";
DROP TABLE "payments";
ALTER TABLE "payments_new" RENAME TO "payments";
CREATE INDEX IF NOT EXISTS "idx_payments_user_id" ON "payments" ("user_id", "created_at");
"""


async def upgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        return """
ALTER TABLE "users" ADD COLUMN "data_exported_at" TIMESTAMPTZ;
ALTER TABLE "payments" ALTER COLUMN "user_id" DROP NOT NULL;
ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_user_id_fkey";
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL;
"""
    user_id = '"user_id" BIGINT REFERENCES "users" ("id") ON DELETE SET NULL'
    return f"""
ALTER TABLE "users" ADD COLUMN "data_exported_at" TIMESTAMP;
{_sqlite_payments(user_id)}"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        return """
DELETE FROM "payments" WHERE "user_id" IS NULL;
ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_anonymous_check";
ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_user_id_fkey";
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE;
ALTER TABLE "payments" ALTER COLUMN "user_id" SET NOT NULL;
ALTER TABLE "users" DROP COLUMN "data_exported_at";
"""
    user_id = '"user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE'
    return f"""
DELETE FROM "payments" WHERE "user_id" IS NULL;
{_sqlite_payments(user_id)}
ALTER TABLE "users" DROP COLUMN "data_exported_at";
"""
