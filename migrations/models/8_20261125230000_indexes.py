"""Composite indexes for the hot lists: a user's jobs newest first, a job's questions and
interviews newest first, and a user's interview in a given status.

The same SQL on PostgreSQL and SQLite. The single-column foreign-key indexes stay.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("idx_job_info_user_id_created_at", "job_info", ("user_id", "created_at")),
    ("idx_questions_job_info_id_created_at", "questions", ("job_info_id", "created_at")),
    ("idx_interviews_job_info_id_created_at", "interviews", ("job_info_id", "created_at")),
    ("idx_interviews_user_id_status", "interviews", ("user_id", "status")),
)


async def upgrade(db: BaseDBAsyncClient) -> str:
    return "\n".join(
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ('
        + ", ".join(f'"{column}"' for column in columns)
        + ");"
        for name, table, columns in INDEXES
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "\n".join(f'DROP INDEX IF EXISTS "{name}";' for name, _, _ in INDEXES)
