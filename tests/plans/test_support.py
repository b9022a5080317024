"""/paysupport: what it explains, questions relayed to the admins, and its pace."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_settings, run_harness_clean
from tests.helpers import started
from tests.plans.helpers import FakeClock, policy_of


async def test_paysupport_explains_and_passes_questions_to_admins(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(
        database_url, tmp_path, admin_ids=frozenset({900_001}), pay_support_contact="@coach_help"
    )
    async with run_harness_clean(settings) as bot:
        admin = await started(bot, "Root", user_id=900_001)
        user = bot.user("Ada")
        await user.send("/upgrade")
        receipt = await user.pay()
        await user.send("/paysupport")
        shown = await user.expect("Help with payments")
        assert "Refunds" in shown.text and "14 days" in shown.text
        assert "@coach_help" in shown.text and str(receipt.charge_id) in shown.text
        await user.send("/paysupport I paid twice <by mistake>")
        await user.expect("went to the team")
        relayed = admin.last
        assert "I paid twice <by mistake>" in relayed.text and str(user.id) in relayed.text
        commands = [c["command"] for c in bot.emulator.commands['{"type": "default"}']]
        assert {"plan", "upgrade", "paysupport"} <= set(commands)


async def test_paysupport_relays_a_long_message_whole_says_when_nobody_got_it_and_paces_itself(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    settings = make_settings(
        database_url, tmp_path, admin_ids=frozenset({900_001}), pay_support_contact="@coach_help"
    )
    async with run_harness_clean(settings) as bot:
        policy_of(bot).clock = clock
        admin = await started(bot, "Root", user_id=900_001)
        user = await started(bot, "Ada")

        def relayed() -> list[str]:
            return [m.text for m in admin.bot_messages if "/paysupport from" in m.text]

        # Nobody can be reached: the user is told so, and may try again at once.
        bot.emulator.blocked.add(admin.id)
        await user.send("/paysupport Charged but still on Free")
        told = await user.expect("couldn't pass your message on")
        assert "@coach_help" in told.text
        user.expect_no("went to the team")
        bot.emulator.blocked.discard(admin.id)

        # The user's text is cut before it is escaped, so the HTML stays whole (cutting the
        # assembled HTML split the payment line's <code> and Telegram refused the message).
        await user.send("/upgrade")
        receipt = await user.pay()
        assert receipt.ok and receipt.charge_id
        await user.send("/paysupport " + "x" * 3_900)
        await user.expect("went to the team")
        assert len(relayed()) == 1
        shown = relayed()[0]
        assert "x" * 2_900 + "…" in shown and receipt.charge_id in shown
        assert str(user.id) in shown and len(shown) <= 4096

        # One message every 10 minutes.
        clock.advance(minutes=9)
        await user.send("/paysupport Any news?")
        await user.expect("send another in 1 minute")
        user.expect_no("went to the team")
        assert len(relayed()) == 1
        clock.advance(minutes=1)
        await user.send("/paysupport Any news?")
        await user.expect("went to the team")
        assert "Any news?" in relayed()[-1]
        assert len(relayed()) == 2
