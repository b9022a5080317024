"""The plan buttons: declared in handlers/kit/limits.py (every limit message carries one),
handled by this feature (handlers/plans/plan.py)."""

from handlers.kit.limits import BuyButton, UpgradeButton

__all__ = ["BuyButton", "UpgradeButton"]
