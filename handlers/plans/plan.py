"""/plan, /upgrade, the plan buttons (`UpgradeButton`, `BuyButton`) and the invoices.

/upgrade (and the Upgrade buttons) send one invoice per plan worth buying — pay once for 30
days — each with a button to subscribe monthly instead (a Stars subscription link)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LabeledPrice, Message, Update
from telegram.ext import ApplicationHandlerStop

from bot.context import CoachContext
from bot.i18n import Texts
from bot.services import plans
from handlers.kit.buttons import Press
from handlers.kit.replies import reply
from handlers.plans.buttons import BuyButton
from handlers.plans.common import date_text, invoice_description, invoice_title, plan_name
from models.payments import Plan


# ----- /plan ----------------------------------------------------------------------------------
async def plan_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    t = context.texts
    user_id = context.session.user_id
    policy = context.services.plans
    usage = await context.services.quotas.usage(user_id)
    lines = [t("plans-your-plan", name=plan_name(t, usage.plan))]
    if usage.expires_at is not None:
        lines.append(t("plans-active-until", date=date_text(t, usage.expires_at)))
    elif usage.expired is not None:
        lines.append(t("plans-ended", name=plan_name(t, usage.expired)))
    lines.append("")
    for resource in plans.RESOURCES:
        what = t.plain("plans-what", resource=resource)
        used, limit = usage.used[resource], usage.limits[resource]
        if limit is None:
            lines.append(t("plans-usage-unlimited", what=what, used=used))
        elif limit == 0:
            lines.append(t("plans-usage-excluded", what=what))
        else:
            lines.append(t("plans-usage-limited", what=what, used=min(used, limit), limit=limit))
    lines.append(
        t(
            "plans-interview-starts",
            starts=usage.interview_starts,
            capacity=usage.bucket_capacity,
            refill=f"{usage.bucket_refill_per_day:g}",
        )
    )
    offers = await policy.offers_for(user_id)
    keyboard = _plan_buttons(t, policy, offers, usage.plan) if offers else None
    if offers:
        lines += ["", t("plans-upgrade-hint")]
    await reply(update.effective_message, "\n".join(lines), reply_markup=keyboard)


def _plan_buttons(
    t: Texts, policy: plans.PlanPolicy, offers: list[Plan], current: Plan
) -> InlineKeyboardMarkup:
    row = [
        BuyButton(plan=plan).button(
            t.plain(
                "plans-button-buy",
                extend=plan is current,
                name=plan_name(t, plan),
                price=policy.price(plan),
            )
        )
        for plan in offers
    ]
    return InlineKeyboardMarkup([row])


# ----- /upgrade and the plan buttons ----------------------------------------------------------
async def upgrade_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    await send_offers(update.effective_message, context)


async def upgrade_button(update: Update, context: CoachContext, press: Press) -> None:
    """`UpgradeButton` (from any limit message): the offers. The update stops here."""
    await press.answer()
    await send_offers(press.message, context)
    raise ApplicationHandlerStop


async def buy_button(update: Update, context: CoachContext, press: Press) -> None:
    """`BuyButton` (from /plan and the resume limit): that plan's invoice, if it is for sale
    to this user. The update stops here."""
    data: BuyButton = press.data
    offers = await context.services.plans.offers_for(press.user_id)
    if data.plan not in offers:
        await press.answer(context.texts.plain("plans-not-available"))
        raise ApplicationHandlerStop
    await press.answer()
    await send_invoice(press.message, context, data.plan)
    raise ApplicationHandlerStop


async def send_offers(message: Message, context: CoachContext) -> None:
    t = context.texts
    policy = context.services.plans
    offers = await policy.offers_for(context.session.user_id)
    text = t("plans-offers", pro=policy.pro_price, max=policy.max_price)
    if offers == [Plan.MAX]:
        first, rest = text.split("\n", 1)
        text = f"{first}\n{t('plans-offers-on-max')}\n{rest}"
    await reply(message, text)
    for plan in offers:
        await send_invoice(message, context, plan)


async def send_invoice(message: Message, context: CoachContext, plan: Plan) -> None:
    t = context.texts
    policy = context.services.plans
    user_id = context.session.user_id
    once = policy.offer(user_id, plan)
    monthly = policy.offer(user_id, plan, subscription=True)
    label = t.plain("plans-price-label", name=plan_name(t, plan))
    link = await context.bot.create_invoice_link(
        title=invoice_title(t, monthly),
        description=invoice_description(t, monthly),
        payload=monthly.payload,
        currency=plans.CURRENCY,
        prices=[LabeledPrice(label, monthly.price)],
        subscription_period=plans.SUBSCRIPTION_PERIOD,
    )
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t.plain("plans-button-pay", price=once.price), pay=True)],
            [InlineKeyboardButton(t.plain("plans-button-subscribe"), url=link)],
        ]
    )
    await context.bot.send_invoice(
        chat_id=message.chat_id,
        title=invoice_title(t, once),
        description=invoice_description(t, once),
        payload=once.payload,
        currency=plans.CURRENCY,
        prices=[LabeledPrice(label, once.price)],
        reply_markup=keyboard,
    )
