"""The account feature's buttons: the two answers to /deleteme."""

from __future__ import annotations

from handlers.kit.buttons import Button


class DeleteButton(Button, prefix="account.delete"):
    """Delete everything (only while the user is being asked: the flow's step)."""


class KeepButton(Button, prefix="account.keep"):
    """Keep the data; nothing happens."""
