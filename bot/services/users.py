"""Users: created or refreshed from what Telegram tells us on every interaction."""

from __future__ import annotations

from models import User


async def upsert_user(
    user_id: int, name: str, username: str | None, language_code: str | None
) -> tuple[User, bool]:
    """Create the user or update their name, username and language. Returns (user, created)."""
    name = (name or "").strip()[:255] or "there"
    user, created = await User.get_or_create(
        id=user_id,
        defaults={"name": name, "username": username, "language_code": language_code},
    )
    if not created and (user.name, user.username, user.language_code) != (
        name,
        username,
        language_code,
    ):
        user.name, user.username, user.language_code = name, username, language_code
        await user.save(update_fields=["name", "username", "language_code", "updated_at"])
    return user, created
