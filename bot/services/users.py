"""Users: created or refreshed from what Telegram tells us on every interaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import User

# Last activity is refreshed at most this often per user: not one write per update.
LAST_SEEN_EVERY = timedelta(minutes=5)


async def upsert_user(
    user_id: int, name: str, username: str | None, language_code: str | None
) -> tuple[User, bool]:
    """Create the user or update their name, username and language. Returns (user, created).

    Also keeps `last_seen_at` (every few minutes) and `is_active` (a user who writes to us
    can be reached again) current, in the same write when one is needed anyway."""
    name = (name or "").strip()[:255] or "there"
    now = datetime.now(UTC)
    user, created = await User.get_or_create(
        id=user_id,
        defaults={
            "name": name,
            "username": username,
            "language_code": language_code,
            "last_seen_at": now,
        },
    )
    if created:
        return user, created
    activity: list[str] = []
    if user.last_seen_at is None or now - user.last_seen_at >= LAST_SEEN_EVERY:
        user.last_seen_at = now
        activity.append("last_seen_at")
    if not user.is_active:
        user.is_active = True
        activity.append("is_active")
    if (user.name, user.username, user.language_code) != (name, username, language_code):
        user.name, user.username, user.language_code = name, username, language_code
        await user.save(
            update_fields=["name", "username", "language_code", "updated_at", *activity]
        )
    elif activity:
        await User.filter(id=user_id).update(**{field: getattr(user, field) for field in activity})
    return user, created
