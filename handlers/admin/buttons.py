"""The admin buttons: Send and Cancel under a broadcast preview."""

from __future__ import annotations

from handlers.kit.buttons import Button


class BroadcastSend(Button, prefix="admin.send"):
    """Sends the draft broadcast to every active user."""

    broadcast_id: int


class BroadcastCancel(Button, prefix="admin.cancel"):
    """Cancels the draft broadcast."""

    broadcast_id: int
