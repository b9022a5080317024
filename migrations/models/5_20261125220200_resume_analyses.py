"""Resume analyses: one row per review of an upload against a job; the file is not kept.

Written for PostgreSQL and SQLite. The index on (job_info_id, created_at) serves the foreign
key and "the latest analysis of this job".
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    ts, uuid, js = ("TIMESTAMPTZ", "UUID", "JSONB") if postgres else ("TIMESTAMP", "CHAR(36)", "JSON")
    return f"""
CREATE TABLE IF NOT EXISTS "resume_analyses" (
    "id" {uuid} NOT NULL PRIMARY KEY,
    "job_info_id" {uuid} NOT NULL REFERENCES "job_info" ("id") ON DELETE CASCADE,
    "overall_score" SMALLINT NOT NULL
        CONSTRAINT "resume_analyses_overall_score_check"
        CHECK ("overall_score" BETWEEN 1 AND 10),
    "result" {js} NOT NULL,
    "file_kind" VARCHAR(8) NOT NULL
        CONSTRAINT "resume_analyses_file_kind_check"
        CHECK ("file_kind" IN ('pdf', 'docx', 'txt')),
    "truncated" BOOLEAN NOT NULL DEFAULT FALSE,
    "created_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_resume_analyses_job_info_id_created_at"
    ON "resume_analyses" ("job_info_id", "created_at");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return 'DROP TABLE IF EXISTS "resume_analyses";'
