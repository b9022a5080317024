"""How plans, dates and payments are worded, shared by the plans handlers."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Texts
from bot.services.plans import Offer
from models.payments import Payment, Plan


def plan_name(t: Texts, plan: Plan | str) -> str:
    return t.plain("plans-name", plan=Plan(plan).value)


def invoice_title(t: Texts, offer: Offer) -> str:
    return t.plain("plans-invoice-title", name=plan_name(t, offer.plan))


def invoice_description(t: Texts, offer: Offer) -> str:
    return t.plain(
        "plans-invoice-description",
        plan=offer.plan.value,
        name=plan_name(t, offer.plan),
        subscription=offer.subscription,
    )


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
