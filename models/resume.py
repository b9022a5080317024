"""Resume analyses: the structured review of one upload against one job (never the file)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.core import JobInfo


class ResumeFileKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TXT = "txt"


class ResumeAnalysisRecord(Model):
    id = fields.UUIDField(primary_key=True)
    job_info: fields.ForeignKeyRelation[JobInfo] = fields.ForeignKeyField(
        "models.JobInfo", related_name="resume_analyses", on_delete=fields.CASCADE, db_index=True
    )
    overall_score = fields.SmallIntField(description="1-10")
    result: fields.Field[dict[str, Any]] = fields.JSONField(
        description="bot.ai.schemas.ResumeAnalysis as JSON"
    )
    file_kind = fields.CharEnumField(ResumeFileKind, max_length=8)
    truncated = fields.BooleanField(default=False, description="only the first ~30 pages read")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "resume_analyses"
