"""/resume reports: a stored review rendered as HTML blocks, packed into as few messages as fit,
sent with a "Check a new version" button; and the "Show last review" button (`ResumeLast`)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update

from bot.ai.schemas import ResumeAnalysis, ResumeCategory
from bot.context import CoachContext
from bot.i18n import Texts, texts
from bot.rendering import escape
from bot.services import documents
from bot.services import resume as service
from bot.telegram_html import utf16_len
from handlers.kit.buttons import Press
from handlers.kit.replies import reply
from handlers.resume.buttons import ResumeJob

MESSAGE_LIMIT = 4000  # below Telegram's 4096, measured on our HTML (never shorter than text)
CATEGORIES = ("ats", "job_match", "writing_and_formatting", "keyword_coverage", "other")
LABELS = {key: texts().plain("resume-category", key=key) for key in CATEGORIES}  # English
GROUPS = (("strength", "✅"), ("minor-improvement", "🟡"), ("major-improvement", "🔴"))
_MAX_NAME, _MAX_SUMMARY, _MAX_MESSAGE = 80, 500, 600  # model text is cut to keep lines short


def score_bar(score: int) -> str:
    score = max(0, min(10, score))
    return "▰" * score + "▱" * (10 - score)


def comparison(t: Texts, current: int, previous: int | None) -> str | None:
    if previous is None:
        return None
    diff = current - previous
    if diff > 0:
        return t("resume-up", diff=diff, previous=previous)
    if diff < 0:
        return t("resume-down", diff=-diff, previous=previous)
    return t("resume-same", previous=previous)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def category_block(t: Texts, key: str, category: ResumeCategory) -> str:
    lines = [
        f"<b>{t('resume-category', key=key)}</b>",
        f"{score_bar(category.score)} {category.score}/10",
        f"<i>{escape(_clip(category.summary, _MAX_SUMMARY))}</i>",
    ]
    for kind, mark in GROUPS:
        for item in category.feedback:
            if item.type == kind:
                name = escape(_clip(item.name, _MAX_NAME))
                lines.append(f"{mark} <b>{name}</b> — {escape(_clip(item.message, _MAX_MESSAGE))}")
    return "\n".join(lines)


def report_blocks(
    t: Texts, stored: service.StoredAnalysis, *, title: str, offline: bool
) -> list[str]:
    analysis: ResumeAnalysis = stored.analysis
    header = [
        t("resume-header", title=title, job=_clip(stored.job_name, _MAX_NAME)),
        t("resume-overall", score=analysis.overall_score, bar=score_bar(analysis.overall_score)),
    ]
    change = comparison(t, analysis.overall_score, stored.previous_score)
    if change:
        header.append(change)
    if stored.truncated:
        header.append(t("resume-truncated", pages=documents.MAX_PAGES))
    if offline:
        header.append(t("kit-offline-notice"))
    return ["\n".join(header), *(category_block(t, k, c) for k, c in analysis.categories())]


def pack(blocks: list[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Blocks, a blank line apart, in as few messages of at most `limit` as they fit; a block
    too long for one message continues in the next at a line break (every line is short)."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        pieces = [block] if utf16_len(block) <= limit else block.split("\n")
        for index, piece in enumerate(pieces):
            separator = "\n" if index else "\n\n"
            joined = f"{current}{separator}{piece}" if current else piece
            if current and utf16_len(joined) > limit:
                messages.append(current)
                joined = piece
            current = joined
    if current:
        messages.append(current)
    return messages


async def send_report(
    message: Message, context: CoachContext, stored: service.StoredAnalysis, *, title: str
) -> None:
    t = context.texts
    blocks = report_blocks(t, stored, title=title, offline=context.services.gateway.offline)
    parts = pack(blocks)
    button = ResumeJob(job_id=stored.job_id).button(t.plain("resume-button-new-version"))
    keyboard = InlineKeyboardMarkup([[button]])
    for index, part in enumerate(parts):
        await reply(message, part, reply_markup=keyboard if index == len(parts) - 1 else None)


async def show_last(update: Update, context: CoachContext, press: Press) -> None:
    stored: service.StoredAnalysis = press.target
    await press.answer()
    title = context.texts.plain("resume-title-last", date=context.texts.date(stored.created_at))
    await send_report(press.message, context, stored, title=title)
