"""Mock interviews: who owns an interview and where it stands, its report's structured form,
and every line said by either side (`interview_messages`).

Written for PostgreSQL and SQLite. Enums and ranges are CHECK constraints; both foreign keys
have an index; a partial unique index allows one interview in progress per user.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        pk, ts, json = '"id" SERIAL NOT NULL PRIMARY KEY', "TIMESTAMPTZ", "JSONB"
        boolean, false, real = "BOOLEAN", "FALSE", "DOUBLE PRECISION"
    else:
        pk, ts, json = '"id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL', "TIMESTAMP", "JSON"
        boolean, false, real = "INT", "0", "REAL"
    uuid = "UUID" if db.capabilities.dialect == "postgres" else "CHAR(36)"
    return f"""
ALTER TABLE "interviews" ADD COLUMN "user_id" BIGINT REFERENCES "users" ("id") ON DELETE CASCADE;
UPDATE "interviews" SET "user_id" = (
    SELECT "job_info"."user_id" FROM "job_info" WHERE "job_info"."id" = "interviews"."job_info_id"
);
ALTER TABLE "interviews" ADD COLUMN "status" VARCHAR(16) NOT NULL DEFAULT 'completed'
    CONSTRAINT "interviews_status_check" CHECK ("status" IN ('active', 'ended', 'completed'));
ALTER TABLE "interviews" ADD COLUMN "started_at" {ts};
ALTER TABLE "interviews" ADD COLUMN "ended_at" {ts};
ALTER TABLE "interviews" ADD COLUMN "voice_replies" {boolean} NOT NULL DEFAULT {false};
ALTER TABLE "interviews" ADD COLUMN "overall_rating" SMALLINT
    CONSTRAINT "interviews_overall_rating_check" CHECK ("overall_rating" BETWEEN 1 AND 10);
ALTER TABLE "interviews" ADD COLUMN "report_json" {json};
CREATE INDEX IF NOT EXISTS "idx_interviews_user_id" ON "interviews" ("user_id");
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_interviews_one_active_per_user"
    ON "interviews" ("user_id") WHERE "status" = 'active';
CREATE TABLE IF NOT EXISTS "interview_messages" (
    {pk},
    "interview_id" {uuid} NOT NULL REFERENCES "interviews" ("id") ON DELETE CASCADE,
    "role" VARCHAR(16) NOT NULL
        CONSTRAINT "interview_messages_role_check" CHECK ("role" IN ('interviewer', 'candidate')),
    "text" TEXT NOT NULL,
    "voice_seconds" INT
        CONSTRAINT "interview_messages_voice_seconds_check" CHECK ("voice_seconds" >= 0),
    "response_seconds" {real}
        CONSTRAINT "interview_messages_response_seconds_check" CHECK ("response_seconds" >= 0),
    "created_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_interview_messages_interview_id"
    ON "interview_messages" ("interview_id");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    drop = """
DROP TABLE IF EXISTS "interview_messages";
DROP INDEX IF EXISTS "uidx_interviews_one_active_per_user";
DROP INDEX IF EXISTS "idx_interviews_user_id";
"""
    if db.capabilities.dialect == "postgres":
        return drop + "".join(
            f'ALTER TABLE "interviews" DROP COLUMN "{column}";\n'
            for column in (
                "report_json",
                "overall_rating",
                "voice_replies",
                "ended_at",
                "started_at",
                "status",
                "user_id",
            )
        )
    # SQLite can't drop a column with a foreign key or CHECK: rebuild the seed's table.
    return (
        drop
        + """
CREATE TABLE "interviews_seed" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "job_info_id" CHAR(36) NOT NULL REFERENCES "job_info" ("id") ON DELETE CASCADE,
    "duration" VARCHAR(16) NOT NULL DEFAULT '00:00:00',
    "feedback" TEXT,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
);
INSERT INTO "interviews_seed" ("id", "job_info_id", "duration", "feedback", "created_at",
    "updated_at")
    SELECT "id", "job_info_id", "duration", "feedback", "created_at", "updated_at"
    FROM "interviews";
DROP TABLE "interviews";
ALTER TABLE "interviews_seed" RENAME TO "interviews";
CREATE INDEX IF NOT EXISTS "idx_interviews_job_info_id" ON "interviews" ("job_info_id");
"""
    )
