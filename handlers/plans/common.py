"""How plans, dates and payments are worded, shared by the plans handlers."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Texts
from models.payments import Payment, Plan


def plan_name(t: Texts, plan: Plan | str) -> str:
    return t.plain("plans-name", plan=Plan(plan).value)


def date_text(t: Texts, moment: datetime) -> str:
    return t.plain("plans-date", date=t.datetime(moment))


def payment_line(t: Texts, payment: Payment) -> str:
    return t(
        "plans-support-payment",
        date=t.date(payment.created_at),
        name=plan_name(t, payment.plan),
        amount=payment.amount,
        refunded=bool(payment.refunded),
        charge=payment.telegram_payment_charge_id,
    )
