"""/remind: a daily practice reminder at a local time. The time zone is asked once (buttons
for common ones, or a typed IANA name), then the time (buttons, or HH:MM); `/remind off` stops
it, `/remind 19:00` sets the time directly once the zone is known, `/remind zone` asks the
zone again."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update

from bot.context import CoachContext
from bot.services import reminders
from bot.services.learning import valid_zone
from handlers.kit.buttons import Press
from handlers.kit.flow import END, Step
from handlers.kit.replies import remove_keyboard, reply
from handlers.learning.buttons import TimeButton, ZoneButton

ZONE, TIME = "zone", "time"
ZONES = (
    "Europe/London",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Singapore",
    "UTC",
)
TIMES = ((8, 0), (12, 0), (18, 0), (19, 0), (20, 0), (21, 0))


def _zones() -> InlineKeyboardMarkup:
    buttons = [ZoneButton(name=name).button(name.replace("_", " ")) for name in ZONES]
    return InlineKeyboardMarkup([buttons[i : i + 3] for i in range(0, len(buttons), 3)])


def _times() -> InlineKeyboardMarkup:
    buttons = [TimeButton(hour=h, minute=m).button(f"{h:02d}:{m:02d}") for h, m in TIMES]
    return InlineKeyboardMarkup([buttons[:3], buttons[3:]])


async def _ask_time(message: Message, context: CoachContext, zone: str) -> Step:
    context.session.data["zone"] = zone
    await reply(
        message, context.texts("learning-remind-ask-time", zone=zone), reply_markup=_times()
    )
    return TIME


async def _set(message: Message, context: CoachContext, hour: int, minute: int) -> Step:
    t, session = context.texts, context.session
    zone = session.data.get("zone")
    if not isinstance(zone, str) or valid_zone(zone) is None:
        await reply(message, t("learning-remind-ask-zone"), reply_markup=_zones())
        return ZONE
    now = context.services.plans.now()
    await reminders.set_daily(session.user_id, hour, minute, zone, now)
    await reply(message, t("learning-remind-set", time=f"{hour:02d}:{minute:02d}", zone=zone))
    return END


async def remind_command(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message is not None and message.text is not None
    t, session = context.texts, context.session
    argument = message.text.partition(" ")[2].strip().lower()
    existing = await reminders.get(session.user_id)
    if argument == "off":
        stopped = await reminders.turn_off(session.user_id)
        await reply(message, t("learning-remind-off" if stopped else "learning-remind-none"))
        return END
    if argument == "zone":
        await reply(message, t("learning-remind-ask-zone"), reply_markup=_zones())
        return ZONE
    if existing is not None:
        session.data["zone"] = existing.time_zone
    if argument:
        try:
            hour, minute = reminders.parse_time(argument)
        except reminders.BadTime:
            await reply(message, t("learning-remind-bad-time"))
            return END
        session.data["pending"] = [hour, minute]
        if existing is not None:
            return await _set(message, context, hour, minute)
    if existing is None:
        await reply(message, t("learning-remind-ask-zone"), reply_markup=_zones())
        return ZONE
    if existing.enabled:
        when = f"{existing.hour:02d}:{existing.minute:02d}"
        await reply(message, t("learning-remind-current", time=when, zone=existing.time_zone))
    return await _ask_time(message, context, existing.time_zone)


async def _zone_chosen(message: Message, context: CoachContext, zone: str) -> Step:
    pending = context.session.data.get("pending")
    if isinstance(pending, list) and len(pending) == 2:
        context.session.data["zone"] = zone
        return await _set(message, context, int(pending[0]), int(pending[1]))
    return await _ask_time(message, context, zone)


async def zone_press(update: Update, context: CoachContext, press: Press[ZoneButton]) -> Step:
    await remove_keyboard(press.message)
    return await _zone_chosen(press.message, context, press.target)


async def zone_typed(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message is not None and message.text is not None
    zone = valid_zone(message.text)
    if zone is None:
        await reply(message, context.texts("learning-remind-bad-zone"), reply_markup=_zones())
        return None
    return await _zone_chosen(message, context, zone)


async def time_press(update: Update, context: CoachContext, press: Press[TimeButton]) -> Step:
    await remove_keyboard(press.message)
    return await _set(press.message, context, press.data.hour, press.data.minute)


async def time_typed(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message is not None and message.text is not None
    try:
        hour, minute = reminders.parse_time(message.text)
    except reminders.BadTime:
        await reply(message, context.texts("learning-remind-bad-time"), reply_markup=_times())
        return None
    return await _set(message, context, hour, minute)


async def cancel(update: Update, context: CoachContext) -> Step:
    assert update.effective_message is not None
    await reply(update.effective_message, context.texts("learning-remind-cancelled"))
    return END
