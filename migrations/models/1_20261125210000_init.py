"""The seed's schema: users → job_info → questions and interviews, cascading deletes.

Written for PostgreSQL and SQLite. CharEnumField checks nothing in SQL, so the CHECK
constraints are here; PostgreSQL does not index foreign keys by itself, so those are here too.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


def _types(db: BaseDBAsyncClient) -> tuple[str, str, str]:
    if db.capabilities.dialect == "postgres":
        return "TIMESTAMPTZ", "UUID", "JSONB"
    return "TIMESTAMP", "CHAR(36)", "JSON"


async def upgrade(db: BaseDBAsyncClient) -> str:
    ts, uuid, json = _types(db)
    serial = (
        '"id" SERIAL NOT NULL PRIMARY KEY'
        if db.capabilities.dialect == "postgres"
        else '"id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL'
    )
    return f"""
CREATE TABLE IF NOT EXISTS "users" (
    "id" BIGINT NOT NULL PRIMARY KEY,
    "name" VARCHAR(255) NOT NULL,
    "username" VARCHAR(255),
    "language_code" VARCHAR(35),
    "created_at" {ts} NOT NULL,
    "updated_at" {ts} NOT NULL
);
CREATE TABLE IF NOT EXISTS "job_info" (
    "id" {uuid} NOT NULL PRIMARY KEY,
    "title" VARCHAR(255),
    "name" VARCHAR(255) NOT NULL,
    "experience_level" VARCHAR(16) NOT NULL
        CONSTRAINT "job_info_experience_level_check"
        CHECK ("experience_level" IN ('junior', 'mid-level', 'senior')),
    "description" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "created_at" {ts} NOT NULL,
    "updated_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_job_info_user_id" ON "job_info" ("user_id");
CREATE TABLE IF NOT EXISTS "questions" (
    "id" {uuid} NOT NULL PRIMARY KEY,
    "job_info_id" {uuid} NOT NULL REFERENCES "job_info" ("id") ON DELETE CASCADE,
    "text" TEXT NOT NULL,
    "difficulty" VARCHAR(16) NOT NULL
        CONSTRAINT "questions_difficulty_check"
        CHECK ("difficulty" IN ('easy', 'medium', 'hard')),
    "created_at" {ts} NOT NULL,
    "updated_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_questions_job_info_id" ON "questions" ("job_info_id");
CREATE TABLE IF NOT EXISTS "interviews" (
    "id" {uuid} NOT NULL PRIMARY KEY,
    "job_info_id" {uuid} NOT NULL REFERENCES "job_info" ("id") ON DELETE CASCADE,
    "duration" VARCHAR(16) NOT NULL DEFAULT '00:00:00',
    "feedback" TEXT,
    "created_at" {ts} NOT NULL,
    "updated_at" {ts} NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_interviews_job_info_id" ON "interviews" ("job_info_id");
CREATE TABLE IF NOT EXISTS "aerich" (
    {serial},
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" {json} NOT NULL
);
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP TABLE IF EXISTS "interviews";
DROP TABLE IF EXISTS "questions";
DROP TABLE IF EXISTS "job_info";
DROP TABLE IF EXISTS "users";
"""
