"""Users' data: everything the bot holds about a user as one ZIP (/mydata), and deleting it
(/deleteme).

The export is a JSON file per table (the user's rows only) and each interview report as
Markdown; the ZIP is built in a worker thread, off the event loop, at most once per
`EXPORT_EVERY` (the time of the last one is on the users row, claimed atomically).

Deletion removes the users row in one transaction; the database's ON DELETE CASCADE takes every
table hanging off it (jobs → questions → answers, interviews → their lines, resume analyses,
broadcast deliveries, and any table added later with a foreign key to users), the flow goes
with the row.
Payments stay for the law and for refunds (charge id, plan, amount, date): ON DELETE SET NULL
unlinks them and their invoice payload, which names the payer, is emptied. The admins' audit
trail gets one line of counts, never the user's content.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import zipfile
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise import Tortoise
from tortoise.expressions import Q
from tortoise.fields.relational import ForeignKeyFieldInstance
from tortoise.models import Model
from tortoise.transactions import in_transaction

from bot.i18n import Texts
from bot.services.admin import record_action
from bot.services.interview_report import report_text
from models import Interview, JobInfo, Question, User
from models.admin import BroadcastDelivery
from models.answers import Answer
from models.interviews import InterviewMessage
from models.payments import Payment
from models.resume import ResumeAnalysisRecord

EXPORT_EVERY = timedelta(hours=1)
SYSTEM_ADMIN_ID = 0  # the audit trail's "admin" for what users do themselves
AUDIT_COMMAND = "deleteme"

__all__ = [
    "AUDIT_COMMAND",
    "EXPORT_EVERY",
    "SYSTEM_ADMIN_ID",
    "ExportTooSoon",
    "Holdings",
    "delete_account",
    "export_data",
    "holdings",
]


class ExportTooSoon(Exception):
    """The last export was less than `EXPORT_EVERY` ago; the next one is possible at `at`."""

    def __init__(self, at: datetime) -> None:
        super().__init__(at)
        self.at = at


# ----- what the bot holds --------------------------------------------------------------------
# Each table with the user's rows in it, and the lookup that finds them.
_KNOWN: dict[str, tuple[type[Model], str]] = {
    "users": (User, "id"),
    "job_info": (JobInfo, "user_id"),
    "questions": (Question, "job_info__user_id"),
    "answers": (Answer, "question__job_info__user_id"),
    "interviews": (Interview, "job_info__user_id"),
    "interview_messages": (InterviewMessage, "interview__job_info__user_id"),
    "resume_analyses": (ResumeAnalysisRecord, "job_info__user_id"),
    "payments": (Payment, "user_id"),
    "broadcast_deliveries": (BroadcastDelivery, "user_id"),
}


def _tables(user_id: int) -> dict[str, Any]:
    """Querysets of the user's rows per table: the known ones, then any other model with a
    foreign key to users (tables added later are exported without a change here)."""
    found = {table: model.filter(**{key: user_id}) for table, (model, key) in _KNOWN.items()}
    for model in Tortoise.apps["models"].values():
        table = model._meta.db_table
        if table in found:
            continue
        for name, field in model._meta.fields_map.items():
            if isinstance(field, ForeignKeyFieldInstance) and field.related_model is User:
                found[table] = model.filter(**{f"{name}_id": user_id})
                break
    return found


@dataclass(frozen=True, slots=True)
class Holdings:
    """How many rows of each kind the user has (shown before deletion, audited after)."""

    jobs: int
    questions: int
    answers: int
    interviews: int
    resume_analyses: int
    payments: int
    other: int  # rows of other tables with a foreign key to users (review cards, reminders...)

    def summary(self) -> str:
        return ", ".join(f"{name} {value}" for name, value in asdict(self).items())


async def holdings(user_id: int) -> Holdings:
    tables = _tables(user_id)
    counts = {table: await query.count() for table, query in tables.items()}
    return Holdings(
        jobs=counts["job_info"],
        questions=counts["questions"],
        answers=counts["answers"],
        interviews=counts["interviews"],
        resume_analyses=counts["resume_analyses"],
        payments=counts["payments"],
        other=sum(n for table, n in counts.items() if table not in _KNOWN),
    )


# ----- /mydata -------------------------------------------------------------------------------
async def export_data(user_id: int, now: datetime, t: Texts) -> bytes:
    """The user's data as a ZIP. Raises ExportTooSoon within `EXPORT_EVERY` of the last one."""
    user = await User.get(id=user_id).only("id", "data_exported_at")
    before = user.data_exported_at
    claimed = await User.filter(
        Q(data_exported_at__isnull=True) | Q(data_exported_at__lte=now - EXPORT_EVERY),
        id=user_id,
    ).update(data_exported_at=now)
    if not claimed:
        last = await User.get(id=user_id).values_list("data_exported_at", flat=True)
        raise ExportTooSoon((last or now) + EXPORT_EVERY)
    try:
        tables = {table: await query.values() for table, query in _tables(user_id).items()}
        reports = await _reports(user_id, t)
        return await asyncio.to_thread(build_zip, tables, reports)
    except BaseException:
        await User.filter(id=user_id).update(data_exported_at=before)  # the hour isn't spent
        raise


async def _reports(user_id: int, t: Texts) -> dict[str, str]:
    """The user's interview reports as Markdown (headings in the user's language)."""
    interviews = (
        await Interview.filter(job_info__user_id=user_id, report_json__isnull=False)
        .order_by("created_at")
        .select_related("job_info")
    )
    reports: dict[str, str] = {}
    for interview in interviews:
        text = report_text(t, interview)
        if not text:
            continue
        slug = re.sub(r"[^A-Za-z0-9]+", "-", interview.job_info.name).strip("-")[:40] or "job"
        name = f"reports/{interview.created_at:%Y-%m-%d}-{slug}-{str(interview.id)[:8]}.md"
        reports[name] = text
    return reports


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True, default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return getattr(value, "value", None) or str(value)


def build_zip(tables: dict[str, list[dict[str, Any]]], reports: dict[str, str]) -> bytes:
    """The archive (blocking: run it in a thread)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt",
            "Everything Interview Coach holds about you: one JSON file per table (your rows "
            "only) and your mock interview reports as Markdown.\n",
        )
        for table, rows in sorted(tables.items()):
            archive.writestr(f"{table}.json", _json(rows))
        for name, text in reports.items():
            archive.writestr(name, text)
    return buffer.getvalue()


# ----- /deleteme -----------------------------------------------------------------------------
async def delete_account(user_id: int, subscriptions: list[str]) -> Holdings:
    """Delete everything of the user in one transaction (see the module's docstring) and note
    it in the audit trail. `subscriptions` are the outcomes of stopping their Stars
    subscriptions, as lines for the admins."""
    counted = await holdings(user_id)
    async with in_transaction():
        await Payment.filter(user_id=user_id).update(invoice_payload="")
        await User.filter(id=user_id).delete()  # ON DELETE CASCADE / SET NULL do the rest
        await record_action(
            SYSTEM_ADMIN_ID,
            AUDIT_COMMAND,
            f"user {user_id}",
            "; ".join([f"user {user_id} deleted their data: {counted.summary()}", *subscriptions]),
        )
    return counted
