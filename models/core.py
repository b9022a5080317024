"""The seed's four entities: users → job_info → questions and interviews (cascading)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from models.base import TimestampedModel
from models.payments import Payment
from models.vocabulary import Difficulty, ExperienceLevel, Plan


class User(TimestampedModel):
    id = fields.BigIntField(primary_key=True, generated=False, description="Telegram user id")
    name = fields.CharField(max_length=255)
    username = fields.CharField(max_length=255, null=True)
    language_code = fields.CharField(max_length=35, null=True)

    # admin
    is_banned = fields.BooleanField(default=False)
    ban_reason = fields.CharField(max_length=255, null=True)
    is_active = fields.BooleanField(default=True, description="False once they blocked the bot")
    last_seen_at = fields.DatetimeField(
        null=True, db_index=True, description="updated every few minutes"
    )

    # plans (migration 6): the plan bought with Stars, lifetime usage, interview-start bucket
    plan = fields.CharEnumField(Plan, max_length=8, default=Plan.FREE)
    plan_expires_at = fields.DatetimeField(null=True, description="paid plans end here")
    questions_used = fields.IntField(default=0)
    interviews_used = fields.IntField(default=0)
    resumes_used = fields.IntField(default=0)
    interview_tokens = fields.FloatField(null=True, description="bucket level; NULL = full")
    interview_tokens_at = fields.DatetimeField(null=True, description="bucket level as of")
    data_exported_at = fields.DatetimeField(null=True, description="last /mydata")

    # the per-user conversation flow (migration 10): see bot/session.py
    flow = fields.CharField(max_length=24, null=True, description="the current conversation flow")
    flow_step = fields.CharField(
        max_length=24, null=True, description="its step; NULL without a flow (CHECKed in SQL)"
    )
    flow_data = fields.JSONField(null=True, description="the flow's scratch data")
    flow_at = fields.DatetimeField(null=True, description="when the flow last changed")
    support_sent_at = fields.DatetimeField(null=True, description="the last /paysupport relay")
    language = fields.CharField(max_length=8, default="en", description="one of LANGUAGES")
    payments: fields.ReverseRelation[Payment]

    job_infos: fields.ReverseRelation[JobInfo]

    class Meta:
        table = "users"


class JobInfo(TimestampedModel):
    id = fields.UUIDField(primary_key=True)
    title = fields.CharField(max_length=255, null=True)
    name = fields.CharField(max_length=255)
    experience_level = fields.CharEnumField(ExperienceLevel, max_length=16)
    description = fields.TextField()
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="job_infos", on_delete=fields.CASCADE, db_index=True
    )

    questions: fields.ReverseRelation[Question]
    interviews: fields.ReverseRelation[Interview]

    class Meta:
        table = "job_info"


class Question(TimestampedModel):
    id = fields.UUIDField(primary_key=True)
    job_info: fields.ForeignKeyRelation[JobInfo] = fields.ForeignKeyField(
        "models.JobInfo", related_name="questions", on_delete=fields.CASCADE, db_index=True
    )
    text = fields.TextField()
    difficulty = fields.CharEnumField(Difficulty, max_length=16)
    skill = fields.CharField(max_length=32, null=True, description="what it tests, e.g. git")

    class Meta:
        table = "questions"


class InterviewStatus(StrEnum):
    ACTIVE = "active"  # in progress (at most one per user: a partial unique index)
    ENDED = "ended"  # over, the report not written yet (it failed: Retry report)
    COMPLETED = "completed"  # over, with its report


class Interview(TimestampedModel):
    id = fields.UUIDField(primary_key=True)
    job_info: fields.ForeignKeyRelation[JobInfo] = fields.ForeignKeyField(
        "models.JobInfo", related_name="interviews", on_delete=fields.CASCADE, db_index=True
    )
    # Mock interviews (migration 4): who, where it stands, and the report. Its duration is
    # `ended_at - started_at`; its Markdown is rendered from `report_json` (migration 9).
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="interviews", on_delete=fields.CASCADE, null=True, db_index=True
    )
    status = fields.CharEnumField(InterviewStatus, max_length=16, default=InterviewStatus.COMPLETED)
    started_at = fields.DatetimeField(null=True)
    ended_at = fields.DatetimeField(null=True)
    voice_replies = fields.BooleanField(default=False)
    overall_rating = fields.SmallIntField(null=True, description="1-10, from the report")
    report_json = fields.JSONField(
        null=True,
        description='bot.ai.schemas.InterviewReport as JSON; older reports {"markdown": "..."}',
    )

    class Meta:
        table = "interviews"
