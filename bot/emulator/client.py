"""A Telegram user driving the bot through the emulator, the way a person would."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.emulator.server import BotAPIEmulator
from bot.emulator.types import MAX_TEXT, PRE_CHECKOUT_TIMEOUT, SUBSCRIPTION_PERIOD, ChatMessage
from bot.telegram_html import utf16_len, utf16_prefix

if TYPE_CHECKING:
    from bot.emulator.harness import BotHarness


@dataclass
class Receipt:
    """How a payment went: refused at pre-checkout (`error` is what Telegram showed the user)
    or paid (`charge_id`, and `message`: the successful_payment message, to replay it)."""

    ok: bool
    query_id: str | None = None
    error: str | None = None
    charge_id: str | None = None
    message: dict[str, Any] | None = None
    invoice: dict[str, Any] | None = None
    subscription_expiration_date: int | None = None


def client_split(text: str, limit: int = MAX_TEXT) -> list[str]:
    """The messages a Telegram client sends for a pasted `text`."""
    parts: list[str] = []
    rest = text.strip()
    while utf16_len(rest) > limit:
        head = utf16_prefix(rest, limit)
        half = len(head) // 2
        cut = head.rfind("\n", half)
        if cut < half:
            cut = head.rfind(" ", half)
        if cut < half:
            cut = len(head)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*parts, rest]


class EmulatedUser:
    def __init__(
        self,
        harness: BotHarness,
        user_id: int,
        first_name: str,
        username: str | None = None,
        language_code: str = "en",
    ) -> None:
        self.harness = harness
        self.emulator: BotAPIEmulator = harness.emulator
        self.id = user_id
        self.profile: dict[str, Any] = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }
        if username:
            self.profile["username"] = username
        self.emulator.users[user_id] = self.profile
        self._mark = 0  # index of the chat where the last action began
        self._rewrites = 0  # the emulator's text edits when the last action began

    # ----- actions ---------------------------------------------------------------------
    async def send(
        self, text: str, *, wait: bool = True, group: int | None = None, forged: bool = False
    ) -> ChatMessage:
        """Send a text; `group` sends it in that group chat instead of the private chat.

        Like Telegram, refuses a text over 4,096 characters: a client never sends one (it
        splits a longer paste itself: `paste`). `forged` sends it anyway, as a forged update
        would."""
        if utf16_len(text) > MAX_TEXT and not forged:
            raise ValueError(
                f"Telegram refuses a message of {utf16_len(text)} characters "
                f"(at most {MAX_TEXT}); a client splits a paste that long: use paste()"
            )
        extra: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            extra["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self._send_message(extra, text=text, wait=wait, group=group)

    async def paste(self, text: str, *, wait: bool = True) -> list[ChatMessage]:
        """Paste `text` the way a Telegram client sends it: over 4,096 characters, as
        consecutive messages cut at a paragraph, else a word, break in the second half of
        each allowance (the whitespace cut at is dropped)."""
        sent = [await self.send(part, wait=False) for part in client_split(text)]
        if wait:
            await self.harness.idle()
        return sent

    async def send_document(
        self,
        content: bytes,
        file_name: str,
        mime_type: str,
        *,
        caption: str | None = None,
        reported_size: int | None = None,
        wait: bool = True,
    ) -> ChatMessage:
        meta: dict[str, Any] = {"file_name": file_name, "mime_type": mime_type}
        if reported_size is not None:
            meta["reported_size"] = reported_size
        file = self.emulator.add_file(content, kind="document", **meta)
        extra: dict[str, Any] = {"document": file}
        if caption:
            extra["caption"] = caption
        return await self._send_message(extra, kind="document", file=file, wait=wait)

    async def send_voice(
        self,
        content: bytes,
        duration: int = 3,
        *,
        reported_size: int | None = None,
        wait: bool = True,
    ) -> ChatMessage:
        meta: dict[str, Any] = {"duration": duration, "mime_type": "audio/ogg"}
        if reported_size is not None:
            meta["reported_size"] = reported_size
        file = self.emulator.add_file(content, kind="voice", **meta)
        return await self._send_message({"voice": file}, kind="voice", file=file, wait=wait)

    async def send_photo(self, wait: bool = True) -> ChatMessage:
        file = self.emulator.add_file(b"\x89PNG", kind="photo", width=10, height=10)
        return await self._send_message({"photo": [file]}, kind="photo", wait=wait)

    async def send_sticker(self, wait: bool = True) -> ChatMessage:
        file = self.emulator.add_file(
            b"RIFF",
            kind="sticker",
            width=512,
            height=512,
            type="regular",
            is_animated=False,
            is_video=False,
        )
        return await self._send_message({"sticker": file}, kind="sticker", file=file, wait=wait)

    async def click(
        self, label: str, *, in_message: ChatMessage | None = None, wait: bool = True
    ) -> str:
        """Press the button whose text matches `label` in the newest message that has one."""
        message, button = self._find_button(label, in_message)
        return await self.press(button["callback_data"], message, wait=wait)

    async def press(
        self, data: str, message: ChatMessage | None = None, *, wait: bool = True
    ) -> str:
        """Send a callback query with any data (forged data included)."""
        if message is None:
            message = next((m for m in reversed(self.chat) if m.from_bot), None)
        query_id = f"cq{next(self.emulator._query_ids)}"
        self.emulator.pressed.append(query_id)
        query: dict[str, Any] = {
            "id": query_id,
            "from": self.profile,
            "chat_instance": f"ci{self.id}",
            "data": data,
        }
        if message is not None:
            query["message"] = message.to_api(
                self.emulator.private_chat(self.id), self._bot_profile()
            )
        self._mark, self._rewrites = len(self.chat), self.emulator.rewrites
        await self.emulator.push_update({"callback_query": query})
        if wait:
            await self.harness.idle()
        return query_id

    async def pay(
        self,
        invoice: ChatMessage | str | None = None,
        *,
        button: str | None = None,
        timeout: float = PRE_CHECKOUT_TIMEOUT,
        wait: bool = True,
    ) -> Receipt:
        """Pay an invoice as Telegram does: a pre_checkout_query update, the bot's answer
        (within `timeout`), then, if it said ok, a successful_payment message.

        `invoice`: an invoice message (the newest one in this chat by default; another chat's
        one is a forwarded copy) or an invoice link; `button`: the label of a URL button that
        opens an invoice link (a subscription link pays the first period now)."""
        params = self._invoice_to_pay(invoice, button)
        query = self.emulator.pre_checkout_query(self.profile, params)
        self._mark, self._rewrites = len(self.chat), self.emulator.rewrites
        await self.emulator.push_update({"pre_checkout_query": query})
        deadline = time.monotonic() + timeout
        while (answer := self.emulator.pre_checkout_answers.get(query["id"])) is None:
            if time.monotonic() > deadline:
                return Receipt(False, query["id"], "the bot did not answer in time", invoice=params)
            await asyncio.sleep(0.005)
        if not answer.get("ok"):
            return Receipt(False, query["id"], answer.get("error_message"), invoice=params)
        expires = None
        if params.get("subscription_period"):
            expires = int(time.time()) + int(params["subscription_period"])
        payment = self.emulator.charge(
            self.profile,
            params,
            recurring=expires is not None,
            first_recurring=expires is not None,
            expires=expires,
        )
        receipt = await self._deliver_payment(payment, params, wait=wait)
        receipt.query_id = query["id"]
        return receipt

    async def renew(self, subscription: Receipt, *, wait: bool = True) -> Receipt:
        """The next period of a Stars subscription: Telegram charges it by itself (no
        pre-checkout) and sends a successful_payment with is_recurring — unless the bot
        cancelled the renewals (editUserStarSubscription): then nothing is charged."""
        assert subscription.invoice and subscription.subscription_expiration_date, (
            "renew() takes the receipt of a subscription payment"
        )
        if self.emulator.subscription_canceled(self.id, subscription.invoice):
            return Receipt(
                False, error="the bot cancelled this subscription", invoice=subscription.invoice
            )
        expires = subscription.subscription_expiration_date + SUBSCRIPTION_PERIOD
        payment = self.emulator.charge(
            self.profile, subscription.invoice, recurring=True, expires=expires
        )
        return await self._deliver_payment(payment, subscription.invoice, wait=wait)

    async def replay(self, receipt: Receipt, *, wait: bool = True) -> None:
        """Telegram delivering the same successful_payment message again."""
        assert receipt.message is not None
        self._mark, self._rewrites = len(self.chat), self.emulator.rewrites
        await self.emulator.push_update({"message": receipt.message})
        if wait:
            await self.harness.idle()

    def callback_answer(self, query_id: str) -> dict[str, Any] | None:
        return self.emulator.callback_answers.get(query_id)

    def block_bot(self) -> None:
        self.emulator.blocked.add(self.id)

    # ----- reading the chat ------------------------------------------------------------
    @property
    def chat(self) -> list[ChatMessage]:
        return self.emulator.chat(self.id)

    @property
    def bot_messages(self) -> list[ChatMessage]:
        return [m for m in self.chat if m.from_bot]

    @property
    def last(self) -> ChatMessage:
        return self.bot_messages[-1]

    def since_last_action(self) -> list[ChatMessage]:
        """The bot's messages since the last action: earlier ones it rewrote, then new ones."""
        chat = self.chat
        rewritten = sorted(
            (m for m in chat[: self._mark] if m.from_bot and m.rewritten > self._rewrites),
            key=lambda m: m.rewritten,
        )
        return rewritten + [m for m in chat[self._mark :] if m.from_bot]

    async def expect(self, needle: str, *, timeout: float = 5.0) -> ChatMessage:
        """The newest bot message since the last action that contains `needle` (any case);
        waits for it up to `timeout` seconds."""
        return await self.wait_for(
            lambda m: needle.lower() in m.text.lower(), needle, timeout=timeout
        )

    async def wait_for(
        self,
        predicate: Callable[[ChatMessage], bool],
        what: str = "a message",
        *,
        timeout: float = 5.0,
    ) -> ChatMessage:
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.since_last_action() if predicate(m)]
            if found:
                return found[-1]
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"expected {what!r} from the bot; chat so far:\n" + self.transcript()
                )
            await asyncio.sleep(0.01)

    def expect_no(self, needle: str) -> None:
        for message in self.since_last_action():
            if needle.lower() in message.text.lower():
                raise AssertionError(f"did not expect {needle!r}; chat:\n{self.transcript()}")

    def buttons(self, message: ChatMessage | None = None) -> list[str]:
        message = message or next((m for m in reversed(self.chat) if m.buttons), None)
        return [b["text"] for b in message.buttons] if message else []

    def transcript(self, last: int = 12) -> str:
        lines = []
        for message in self.chat[-last:]:
            who = "bot" if message.from_bot else "user"
            body = message.text if message.kind == "text" else f"[{message.kind}] {message.text}"
            lines.append(f"{who}: {body}")
            if message.buttons:
                lines.append("     buttons: " + " | ".join(b["text"] for b in message.buttons))
        return "\n".join(lines)

    # ----- internals -------------------------------------------------------------------
    async def _send_message(
        self,
        extra: dict[str, Any],
        *,
        text: str = "",
        kind: str = "text",
        file: dict[str, Any] | None = None,
        wait: bool,
        group: int | None = None,
    ) -> ChatMessage:
        chat = self.emulator.group_chat(group) if group else self.emulator.private_chat(self.id)
        message = ChatMessage(
            self.emulator.new_message_id(), chat["id"], False, text, kind=kind, file=file
        )
        self.emulator.add_message(message)
        self._mark, self._rewrites = len(self.chat), self.emulator.rewrites
        payload = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": chat,
            "from": self.profile,
            **extra,
        }
        await self.emulator.push_update({"message": payload})
        if wait:
            await self.harness.idle()
        return message

    async def _deliver_payment(
        self, payment: dict[str, Any], invoice: dict[str, Any], *, wait: bool
    ) -> Receipt:
        message = ChatMessage(
            self.emulator.new_message_id(),
            self.id,
            False,
            f"You paid {payment['total_amount']} {payment['currency']} for {invoice['title']}",
            kind="successful_payment",
            payload={"successful_payment": payment},
        )
        self.emulator.add_message(message)
        self._mark, self._rewrites = len(self.chat), self.emulator.rewrites
        api = message.to_api(self.emulator.private_chat(self.id), self.profile)
        await self.emulator.push_update({"message": api})
        if wait:
            await self.harness.idle()
        return Receipt(
            True,
            charge_id=payment["telegram_payment_charge_id"],
            message=api,
            invoice=invoice,
            subscription_expiration_date=payment.get("subscription_expiration_date"),
        )

    def _invoice_to_pay(
        self, invoice: ChatMessage | str | None, button: str | None
    ) -> dict[str, Any]:
        if button is not None:
            candidates = [m for m in reversed(self.chat) if m.buttons]
            found = [
                b["url"]
                for m in candidates
                for b in m.buttons
                if "url" in b and button.lower() in b["text"].lower()
            ]
            if not found:
                raise AssertionError(f"no link button {button!r}; chat:\n{self.transcript()}")
            invoice = found[0]
        if isinstance(invoice, str):
            params = self.emulator.invoice_links.get(invoice)
            if params is None:
                raise AssertionError(f"{invoice!r} is not an invoice link of this bot")
            return params
        if invoice is None:
            invoice = next(
                (m for m in reversed(self.chat) if m.kind == "invoice" and m.from_bot), None
            )
            if invoice is None:
                raise AssertionError(f"no invoice in the chat:\n{self.transcript()}")
        params = self.emulator.invoices.get(invoice.message_id)
        if params is None or invoice.deleted:
            raise AssertionError("that message is not an invoice (or was deleted)")
        if invoice.chat_id != self.id and params.get("start_parameter"):
            # Forwarded copies of invoices with a start_parameter get a deep link, not Pay.
            raise AssertionError("a forwarded copy of this invoice has no Pay button")
        return params

    def _find_button(
        self, label: str, message: ChatMessage | None
    ) -> tuple[ChatMessage, dict[str, Any]]:
        candidates = [message] if message else [m for m in reversed(self.chat) if m.buttons]
        wanted = label.lower()
        for candidate in candidates:
            for exact in (True, False):
                for button in candidate.buttons:
                    text = button["text"].lower()
                    matches = (text == wanted) if exact else (wanted in text)
                    if matches and "callback_data" in button:
                        return candidate, button
        raise AssertionError(f"no button {label!r}; chat:\n{self.transcript()}")

    @staticmethod
    def _bot_profile() -> dict[str, Any]:
        from bot.emulator.types import BOT_USER

        return BOT_USER
