"""/resume reports: a stored review rendered as HTML blocks, packed into as few messages as fit,
sent with a "Check a new version" button; and the "Show last review" button
(`resume:last:<job_id>`), registered outside the conversation by `handlers.resume`."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.ai.schemas import ResumeAnalysis, ResumeCategory
from bot.context import CoachContext
from bot.i18n import texts
from bot.rendering import escape
from bot.services import documents
from bot.services import resume as service
from bot.telegram_html import utf16_len
from handlers import callbacks
from handlers.kit.replies import reply

FEATURE = "resume"
MESSAGE_LIMIT = 4000  # below Telegram's 4096, measured on our HTML (never shorter than text)
LABELS = {
    "ats": "ATS compatibility",
    "job_match": "Job match",
    "writing_and_formatting": "Writing & formatting",
    "keyword_coverage": "Keyword coverage",
    "other": "Other",
}
GROUPS = (("strength", "✅"), ("minor-improvement", "🟡"), ("major-improvement", "🔴"))
_MAX_NAME, _MAX_SUMMARY, _MAX_MESSAGE = 80, 500, 600  # model text is cut to keep lines short


def score_bar(score: int) -> str:
    score = max(0, min(10, score))
    return "▰" * score + "▱" * (10 - score)


def comparison(current: int, previous: int | None) -> str | None:
    if previous is None:
        return None
    diff = current - previous
    if diff > 0:
        return f"📈 Up {diff} from {previous}/10 last time."
    if diff < 0:
        return f"📉 Down {-diff} from {previous}/10 last time."
    return f"➖ Same as last time ({previous}/10)."


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def category_block(key: str, category: ResumeCategory) -> str:
    lines = [
        f"<b>{LABELS.get(key, key)}</b>",
        f"{score_bar(category.score)} {category.score}/10",
        f"<i>{escape(_clip(category.summary, _MAX_SUMMARY))}</i>",
    ]
    for kind, mark in GROUPS:
        for item in category.feedback:
            if item.type == kind:
                name = escape(_clip(item.name, _MAX_NAME))
                lines.append(f"{mark} <b>{name}</b> — {escape(_clip(item.message, _MAX_MESSAGE))}")
    return "\n".join(lines)


def report_blocks(stored: service.StoredAnalysis, *, title: str, offline: bool) -> list[str]:
    analysis: ResumeAnalysis = stored.analysis
    header = [
        f"📄 <b>{title}</b> — {escape(_clip(stored.job_name, _MAX_NAME))}",
        f"<b>Overall: {analysis.overall_score}/10</b> {score_bar(analysis.overall_score)}",
    ]
    change = comparison(analysis.overall_score, stored.previous_score)
    if change:
        header.append(change)
    if stored.truncated:
        header.append(
            f"✂️ <i>Your resume is longer than about {documents.MAX_PAGES} pages; "
            f"I reviewed the first {documents.MAX_PAGES}.</i>"
        )
    if offline:
        header.append(texts()("kit-offline-notice"))
    return ["\n".join(header), *(category_block(k, c) for k, c in analysis.categories())]


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
    blocks = report_blocks(stored, title=title, offline=context.services.gateway.offline)
    parts = pack(blocks)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "📤 Check a new version",
                    callback_data=callbacks.make(FEATURE, "job", stored.job_id),
                )
            ]
        ]
    )
    for index, part in enumerate(parts):
        await reply(message, part, reply_markup=keyboard if index == len(parts) - 1 else None)


async def show_last(update: Update, context: CoachContext) -> None:
    query, message, user = update.callback_query, update.effective_message, update.effective_user
    assert query and user
    data = callbacks.parse(query.data)
    stored = await service.latest_analysis(user.id, data.arg() if data else None)
    if stored is None or message is None:
        await query.answer("There's no saved review for that job.")
        return
    await query.answer()
    await send_report(message, context, stored, title=f"Last review ({stored.created_at:%d %b %Y})")
