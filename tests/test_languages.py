"""The coach in English, Spanish, Russian and Brazilian Portuguese: the language from Telegram's
`language_code`, every screen of a journey in each, Russian plurals, /language switching the
replies and the chat's menu, and the model asked to write in the user's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.emulator.harness import BotHarness
from bot.i18n import Texts, choose_language, texts
from models import JobInfo, Question, User
from tests.conftest import make_settings, model_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI
from tests.helpers import JOB_DESCRIPTION, new_job

LANGUAGES = ("en", "es", "ru", "pt")
GRADE = {
    "rating": 7,
    "feedback": "Buena explicación.",
    "model_answer": "Un cierre es una función que recuerda su ámbito.",
}
ANSWER = (
    "A closure is an inner function that keeps references to variables of the enclosing "
    "function scope, so it can still use them after the outer function has returned."
)


def _seen(html: str) -> str:
    """A message as the user sees it (the emulator's text): no tags."""
    return re.sub(r"<[^>]+>", "", html)


def _plain(t: Texts, key: str, **args: object) -> str:
    return _seen(t.plain(key, **args))


def _line(text: str) -> str:
    """A piece of a rendered message to look for: the start of its first line."""
    return _seen(text).split("\n")[0][:40]


def _menu(bot: BotHarness, scope: dict[str, object]) -> list[dict[str, str]]:
    return bot.emulator.commands.get(json.dumps(scope, sort_keys=True), [])


# ----- the language on first contact -------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [("es", "es"), ("ru", "ru"), ("pt-br", "pt"), ("pt-BR", "pt"), ("de", "en"), (None, "en")],
)
def test_telegram_codes_map_to_our_languages(code: str | None, expected: str) -> None:
    assert choose_language(code) == expected


@pytest.mark.parametrize(("code", "expected"), [("pt-br", "pt"), ("de", "en"), ("xx", "en")])
async def test_first_contact_sets_the_language(bot: BotHarness, code: str, expected: str) -> None:
    user = bot.user("Ada", language_code=code)
    await user.send("/start")
    await user.expect(_line(texts(expected)("start-welcome", name="Ada")))
    assert (await User.get(id=user.id)).language == expected


# ----- every screen of a journey, in each language ----------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
async def test_a_whole_journey_in_each_language(bot: BotHarness, code: str) -> None:
    t = texts(code)
    user = bot.user("Ada", language_code=code)

    await user.send("/start")
    await user.expect(_line(t("start-welcome", name="Ada")))
    await user.send("/help")
    shown = await user.expect(_plain(t, "start-help-title"))
    assert _plain(t, "command-practice") in shown.text

    await user.send("/newjob")
    await user.expect(_line(t("jobs-new-name")))
    await user.send("Acme backend")
    await user.expect(_line(t("jobs-new-title")))
    await user.send("Python Developer")
    await user.expect(_line(t("jobs-new-level")))
    await user.click(_plain(t, "jobs-level", level="mid-level"))
    await user.expect(_line(t("jobs-new-description")))
    await user.send(JOB_DESCRIPTION)
    await user.expect(_plain(t, "jobs-new-saved"))

    await user.send("/jobs")
    await user.expect(_line(t("jobs-list", total=1)))
    await user.click("Acme backend")
    card = await user.expect("Acme backend")
    assert _plain(t, "jobs-card-counts", questions=0, interviews=0) in card.text
    assert _plain(t, "jobs-button-practice") in user.buttons(card)

    await user.send("/practice")
    await user.expect(_line(t("practice-choose-difficulty", job="Acme backend")))
    english = _plain(t, "kit-offline-notice").split("\n")
    if code != "en":  # offline, the built-in questions are English, and the user is told so
        await user.expect(english[1])  # once, as practice starts
    assert len(english) == (1 if code == "en" else 2)
    await user.click(_plain(t, "practice-level", level="easy"))
    await user.expect(_line(t("practice-question-header", level="x", job="y", hint="")).split()[0])
    await user.send(ANSWER)
    await user.expect(_plain(t, "practice-correct-answer"))
    rating = _plain(t, "practice-rating", rating=1, bar="").split(":")[0]
    assert any(rating in m.text for m in user.since_last_action()), user.transcript()

    await user.send("/interview")
    await user.expect(
        _line(t("interviews-intro", job="Acme backend", questions=1, minutes=1, speech=False))
    )
    await user.expect(_plain(t, "interviews-interviewer"))
    await user.send(ANSWER)
    await user.expect(_plain(t, "interviews-interviewer"))
    await user.send(ANSWER)  # two answers: enough for a report
    await user.expect(_plain(t, "interviews-interviewer"))
    await user.send("/end")
    await user.expect(_plain(t, "interviews-ended", duration="").split()[1])
    await user.click(_plain(t, "interviews-button-transcript"))
    await user.expect(_line(t("interviews-transcript-title", meta="")))
    await user.send("/interviews")
    listing = await user.expect(_line(t("interviews-history-title", job="Acme backend")))
    assert user.buttons(listing)

    await user.send("/plan")
    plan = await user.expect(_line(t("plans-your-plan", name=_plain(t, "plans-name", plan="free"))))
    assert _plain(t, "plans-what", resource="question") in plan.text
    await user.send("/upgrade")
    await user.expect(_line(t("plans-offers", pro=1, max=1)))
    await user.send("/language")
    await user.expect(
        _plain(t, "language-choose", current=_plain(t, "language-name")).split(":")[0]
    )

    error = _plain(t, "kit-error-generic")
    assert not any(error in m.text for m in user.chat if m.from_bot), user.transcript(40)
    assert not bot.emulator.violations  # no refused HTML, no over-long message


# ----- Russian: words and plurals ----------------------------------------------------------------


def test_russian_plurals_follow_cldr() -> None:
    t = texts("ru")
    counts = {n: t.plain("jobs-card-counts", questions=n, interviews=n) for n in (1, 2, 5, 21)}
    assert counts[1] == "🧠 1 вопрос · 🎤 1 собеседование"
    assert counts[2] == "🧠 2 вопроса · 🎤 2 собеседования"
    assert counts[5] == "🧠 5 вопросов · 🎤 5 собеседований"
    assert counts[21] == "🧠 21 вопрос · 🎤 21 собеседование"
    assert "3 дня подряд" in t.plain("learning-progress-streak", days=3)
    assert "11 дней подряд" in t.plain("learning-progress-streak", days=11)


async def test_a_russian_user_gets_russian_with_plurals(bot: BotHarness) -> None:
    user = bot.user("Аня", language_code="ru")
    await user.send("/start")
    await user.expect("Я ваш")
    await user.send("/newjob")
    await user.expect("Новая вакансия")
    await user.send("Acme")
    await user.expect("Какая должность")
    await user.click("Пропустить")
    await user.click("Middle")
    await user.expect("описание вакансии")
    await user.send(JOB_DESCRIPTION)
    await user.expect("Вакансия сохранена")

    await user.send("/practice")
    await user.expect("Выберите сложность")
    await user.click("Лёгкий")
    await user.expect("Лёгкий вопрос")
    await user.send("/cancel")
    await user.expect("Тренировка остановлена")
    job = await JobInfo.get(user_id=user.id)
    for count, words in ((1, "🧠 1 вопрос ·"), (2, "🧠 2 вопроса ·"), (5, "🧠 5 вопросов ·")):
        while await Question.filter(job_info_id=job.id).count() < count:
            await Question.create(job_info=job, text="Что такое GIL?", difficulty="easy")
        await user.send("/jobs")
        await user.expect("Ваши вакансии")
        await user.click("Acme")
        card = await user.expect("🏢")
        assert words in card.text, card.text

    await user.send("/plan")
    plan = await user.expect("Ваш тариф: Бесплатный")
    assert "Вопросы для тренировки: использовано 1 из 5" in plan.text


# ----- /language: the replies and the chat's menu ----------------------------------------------


async def test_choosing_spanish_switches_the_replies_and_the_chat_menu(bot: BotHarness) -> None:
    user = bot.user("Ada", language_code="en")
    await user.send("/start")
    await user.expect("Hi Ada")
    chat = {"type": "chat", "chat_id": user.id}
    assert _menu(bot, chat) == []  # the English default menu applies

    await user.send("/language")
    await user.click("Español")
    await user.expect("te hablaré en español")
    assert (await User.get(id=user.id)).language == "es"
    menu = {c["command"]: c["description"] for c in _menu(bot, chat)}
    assert menu["practice"] == "Practicar preguntas de entrevista"
    assert "stats" not in menu  # no admin commands for a user

    await user.send("/help")
    await user.expect("Comandos")
    await user.send("/plan")
    await user.expect("Tu plan: Gratis")

    await user.send("/language")
    await user.expect("Tu idioma: Español")
    await user.click("English")
    await user.expect("speak English")
    assert _menu(bot, chat) == []  # back on the client's language: its menu again
    await user.send("/plan")
    await user.expect("Your plan: Free")


async def test_the_menus_of_every_language_are_published(bot: BotHarness) -> None:
    english = _menu(bot, {"type": "default"})
    assert english[0]["description"] == texts("en").plain("command-start")
    for code in LANGUAGES[1:]:
        menu = _menu(bot, {"type": "default", "language_code": code})
        assert [c["command"] for c in menu] == [c["command"] for c in english]
        assert menu[0]["description"] == texts(code).plain("command-start")


async def test_an_admin_keeps_the_admin_menu_in_the_new_language(
    database_url: str, tmp_path: Path
) -> None:
    admin_id = 4242
    settings = make_settings(database_url, tmp_path, admin_ids=frozenset({admin_id}))
    async with run_harness_clean(settings) as bot:
        admin = bot.user("Root", user_id=admin_id, language_code="en")
        await admin.send("/start")
        chat = {"type": "chat", "chat_id": admin_id}
        assert "stats" in {c["command"] for c in _menu(bot, chat)}  # set at start-up
        await admin.send("/language")
        await admin.click("Русский")
        await admin.expect("по-русски")
        menu = {c["command"]: c["description"] for c in _menu(bot, chat)}
        assert menu["stats"] == "Админ: статистика использования"
        assert menu["practice"] == "Тренировать вопросы с собеседований"

        await admin.send("/language")
        await admin.click("English")  # the client's language: an admin keeps a chat menu
        await admin.expect("speak English")
        menu = {c["command"]: c["description"] for c in _menu(bot, chat)}
        assert menu["stats"] == "Admin: usage figures"


# ----- with a model: the reply language in the prompt --------------------------------------------


async def test_a_spanish_user_gets_the_model_asked_for_spanish(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    fake.reply_text("¿Qué es un cierre en Python?")
    fake.reply_json(GRADE)
    async with run_harness_clean(model_settings(database_url, tmp_path, fake)) as bot:
        user = bot.user("Ada", language_code="es")
        await new_job(user)
        await user.send("/practice")
        await user.click("Fácil")
        await user.expect("cierre en Python")
        await user.send(ANSWER)
        await user.expect("Respuesta correcta")
        assert "Buena explicación" in "\n".join(m.text for m in user.since_last_action())
    question, grading = (str(body["messages"][0]["content"]) for body in fake.chat_bodies[:2])
    assert "Write your reply in Spanish" in question
    assert "grading a practice answer" in grading and "Write your reply in Spanish" in grading


async def test_an_english_user_gets_no_language_instruction(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    fake.reply_text("What is a closure in Python?")
    async with run_harness_clean(model_settings(database_url, tmp_path, fake)) as bot:
        user = bot.user("Ada", language_code="de")  # unknown: English
        await new_job(user)
        await user.send("/practice")
        await user.click("Easy")
        await user.expect("closure in Python")
    assert "Write your reply in" not in str(fake.chat_bodies[0]["messages"])
