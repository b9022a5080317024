"""Telegram Stars payments in the emulator: invoices, pre-checkout, charges, refunds."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from bot.emulator.types import PRE_CHECKOUT_TIMEOUT, SUBSCRIPTION_PERIOD, APIError, ChatMessage

if TYPE_CHECKING:
    pass


class PaymentsAPI:
    """Mixed into BotAPIEmulator: the payment methods and the user's side of paying."""

    def _invoice(self, params: dict[str, Any], method: str) -> dict[str, Any]:
        """Check an invoice as Telegram does; returns the parameters with `prices` parsed."""
        prices = params.get("prices")
        if isinstance(prices, str):
            prices = json.loads(prices)
        prices = list(prices or [])
        if not 1 <= len(params.get("title") or "") <= 32:
            raise APIError(
                "Bad Request: INVOICE_TITLE_INVALID"
                if params.get("title")
                else "Bad Request: title must be non-empty"
            )
        if not 1 <= len(params.get("description") or "") <= 255:
            raise APIError("Bad Request: INVOICE_DESCRIPTION_INVALID")
        if not 1 <= len(str(params.get("payload") or "").encode()) <= 128:
            raise APIError("Bad Request: INVOICE_PAYLOAD_INVALID")
        if not prices or any(int(p.get("amount", 0)) <= 0 for p in prices):
            raise APIError("Bad Request: TOTAL_AMOUNT_INVALID")
        if params.get("currency") == "XTR":
            if len(prices) != 1:
                raise APIError("Bad Request: exactly one price must be specified for XTR invoices")
            if params.get("provider_token"):
                raise APIError("Bad Request: provider_token must be empty for payments in Stars")
            if params.get("max_tip_amount") or params.get("suggested_tip_amounts"):
                raise APIError("Bad Request: tips are not supported for payments in Stars")
        elif not params.get("provider_token"):
            raise APIError("Bad Request: PAYMENT_PROVIDER_INVALID")
        period = params.get("subscription_period")
        if period is not None:
            if method != "createInvoiceLink" or period != SUBSCRIPTION_PERIOD:
                raise APIError("Bad Request: SUBSCRIPTION_PERIOD_INVALID")
            if params.get("currency") != "XTR" or prices[0]["amount"] > 10000:
                raise APIError("Bad Request: SUBSCRIPTION_EXPORT_INVALID")
        return {**params, "prices": prices}

    async def api_sendinvoice(self, params: dict[str, Any]) -> Any:
        chat_id = self._chat(params)
        params = self._invoice(params, "sendInvoice")
        markup = self._markup(params, invoice=True)
        if markup and not (markup.get("inline_keyboard") or [[{}]])[0][0].get("pay"):
            raise APIError("Bad Request: the first button of an invoice must be a Pay button")
        invoice = {
            "title": params["title"],
            "description": params["description"],
            "start_parameter": params.get("start_parameter") or "",
            "currency": params["currency"],
            "total_amount": sum(int(p["amount"]) for p in params["prices"]),
        }
        message = ChatMessage(
            self.new_message_id(),
            chat_id,
            True,
            params["title"],
            kind="invoice",
            file=invoice,
            reply_markup=markup,
        )
        self.invoices[message.message_id] = {**params, "chat_id": chat_id}
        return self._sent(message)

    async def api_createinvoicelink(self, params: dict[str, Any]) -> Any:
        params = self._invoice(params, "createInvoiceLink")
        link = f"https://t.me/$emulated_invoice_{len(self.invoice_links) + 1}"
        self.invoice_links[link] = params
        return link

    async def api_answerprecheckoutquery(self, params: dict[str, Any]) -> Any:
        query_id = params["pre_checkout_query_id"]
        query = self.pre_checkout_queries.get(query_id)
        if query is None or query_id in self.pre_checkout_answers:
            raise APIError(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        if time.monotonic() - query["_sent_at"] > PRE_CHECKOUT_TIMEOUT:
            raise APIError(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        if not params.get("ok") and not params.get("error_message"):
            raise APIError("Bad Request: error_message is required when ok is False")
        self.pre_checkout_answers[query_id] = params
        return True

    async def api_refundstarpayment(self, params: dict[str, Any]) -> Any:
        charge_id = params["telegram_payment_charge_id"]
        charge = self.charges.get(charge_id)
        if charge is None or charge["user_id"] != params["user_id"]:
            raise APIError("Bad Request: CHARGE_NOT_FOUND")
        if any(r["telegram_payment_charge_id"] == charge_id for r in self.refunds):
            raise APIError("Bad Request: CHARGE_ALREADY_REFUNDED")
        self.refunds.append(params)
        return True

    async def api_edituserstarsubscription(self, params: dict[str, Any]) -> Any:
        """Cancel (or let the user re-enable) the renewals of a Stars subscription; the
        subscription must still be active up to the end of its period. Any charge of the
        subscription names it."""
        charge = self.charges.get(params["telegram_payment_charge_id"])
        if charge is None or charge["user_id"] != params["user_id"]:
            raise APIError("Bad Request: CHARGE_NOT_FOUND")
        if "subscription" not in charge:
            raise APIError("Bad Request: SUBSCRIPTION_NOT_FOUND")
        charges = self._subscription_charges(charge["user_id"], charge["subscription"])
        ends = max(c["payment"].get("subscription_expiration_date") or 0 for c in charges)
        if ends <= time.time():
            raise APIError("Bad Request: SUBSCRIPTION_EXPIRED")
        for each in charges:
            each["canceled_by_bot"] = bool(params["is_canceled"])
        return True

    def subscription_canceled(self, user_id: int, invoice: dict[str, Any]) -> bool:
        """Whether the bot cancelled the renewals of this user's subscription to `invoice`."""
        charges = self._subscription_charges(user_id, invoice["payload"])
        return any(c.get("canceled_by_bot") for c in charges)

    def _subscription_charges(self, user_id: int, payload: str) -> list[dict[str, Any]]:
        return [
            c
            for c in self.charges.values()
            if c["user_id"] == user_id and c.get("subscription") == payload
        ]

    # Payments, the user's side (see EmulatedUser.pay) -----------------------------------
    def pre_checkout_query(self, user: dict[str, Any], invoice: dict[str, Any]) -> dict[str, Any]:
        """Issue the pre-checkout query Telegram sends once the user confirms a payment."""
        query = {
            "id": f"pcq{next(self._payment_ids)}",
            "from": user,
            "currency": invoice["currency"],
            "total_amount": sum(int(p["amount"]) for p in invoice["prices"]),
            "invoice_payload": invoice["payload"],
        }
        self.pre_checkout_queries[query["id"]] = {**query, "_sent_at": time.monotonic()}
        return query

    def charge(
        self,
        user: dict[str, Any],
        invoice: dict[str, Any],
        *,
        recurring: bool = False,
        first_recurring: bool = False,
        expires: int | None = None,
    ) -> dict[str, Any]:
        """Take the money: a SuccessfulPayment (the caller delivers it in a message)."""
        number = next(self._payment_ids)
        payment: dict[str, Any] = {
            "currency": invoice["currency"],
            "total_amount": sum(int(p["amount"]) for p in invoice["prices"]),
            "invoice_payload": invoice["payload"],
            "telegram_payment_charge_id": f"stxEMU{number:08d}",
            "provider_payment_charge_id": (
                "" if invoice["currency"] == "XTR" else f"provider_{number:08d}"
            ),
        }
        if recurring:
            payment["is_recurring"] = True
            payment["subscription_expiration_date"] = expires
            if first_recurring:
                payment["is_first_recurring"] = True
        charge: dict[str, Any] = {"user_id": user["id"], "invoice": invoice, "payment": payment}
        if recurring:  # a subscription: one per user and subscription invoice
            charge["subscription"] = invoice["payload"]
        self.charges[payment["telegram_payment_charge_id"]] = charge
        return payment
