"""Administration: bans, activity and reachability on users; the admin audit trail; broadcasts
and their per-user deliveries (recorded before and after each send, so a restart resumes
without sending anyone the message twice)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    if postgres:
        pk, ts = '"id" SERIAL NOT NULL PRIMARY KEY', "TIMESTAMPTZ"
        false, true, boolean = "FALSE", "TRUE", "BOOLEAN"
    else:
        pk, ts = '"id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL', "TIMESTAMP"
        false, true, boolean = "0", "1", "INT"
    return f"""
ALTER TABLE "users" ADD COLUMN "is_banned" {boolean} NOT NULL DEFAULT {false};
ALTER TABLE "users" ADD COLUMN "ban_reason" VARCHAR(255);
ALTER TABLE "users" ADD COLUMN "is_active" {boolean} NOT NULL DEFAULT {true};
ALTER TABLE "users" ADD COLUMN "last_seen_at" {ts};
CREATE INDEX IF NOT EXISTS "idx_users_last_seen_at" ON "users" ("last_seen_at");
CREATE TABLE IF NOT EXISTS "admin_actions" (
    {pk},
    "admin_id" BIGINT NOT NULL,
    "command" VARCHAR(32) NOT NULL,
    "arguments" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "ok" {boolean} NOT NULL DEFAULT {true},
    "created_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_admin_actions_admin_id" ON "admin_actions" ("admin_id");
CREATE INDEX IF NOT EXISTS "idx_admin_actions_created_at" ON "admin_actions" ("created_at");
CREATE TABLE IF NOT EXISTS "broadcasts" (
    {pk},
    "admin_id" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'draft'
        CONSTRAINT "broadcasts_status_check"
        CHECK ("status" IN ('draft', 'sending', 'done', 'cancelled')),
    "progress_chat_id" BIGINT,
    "progress_message_id" BIGINT,
    "created_at" {ts} NOT NULL,
    "started_at" {ts},
    "finished_at" {ts}
);
CREATE INDEX IF NOT EXISTS "idx_broadcasts_status" ON "broadcasts" ("status");
CREATE TABLE IF NOT EXISTS "broadcast_deliveries" (
    {pk},
    "broadcast_id" INT NOT NULL REFERENCES "broadcasts" ("id") ON DELETE CASCADE,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending'
        CONSTRAINT "broadcast_deliveries_status_check"
        CHECK ("status" IN ('pending', 'sending', 'sent', 'blocked', 'failed', 'unknown')),
    "error" VARCHAR(255),
    "updated_at" {ts} NOT NULL,
    CONSTRAINT "uid_broadcast_deliveries_broadcast_user" UNIQUE ("broadcast_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_broadcast_deliveries_broadcast_id"
    ON "broadcast_deliveries" ("broadcast_id", "status");
CREATE INDEX IF NOT EXISTS "idx_broadcast_deliveries_user_id"
    ON "broadcast_deliveries" ("user_id");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP TABLE IF EXISTS "broadcast_deliveries";
DROP TABLE IF EXISTS "broadcasts";
DROP TABLE IF EXISTS "admin_actions";
DROP INDEX IF EXISTS "idx_users_last_seen_at";
ALTER TABLE "users" DROP COLUMN "last_seen_at";
ALTER TABLE "users" DROP COLUMN "is_active";
ALTER TABLE "users" DROP COLUMN "ban_reason";
ALTER TABLE "users" DROP COLUMN "is_banned";
"""
