"""Conversation states and user_data survive in the database, whatever their JSON type."""

from __future__ import annotations

from bot.persistence import DatabasePersistence


async def test_states_of_every_json_type_round_trip(db: str) -> None:
    store = DatabasePersistence()
    states: dict[tuple[int, ...], object] = {
        (1, 1): "practice:answering",  # a bare string is the tricky one for JSONField
        (2, 2): 3,
        (3, 3): ["a", 1],
        (4, 4): {"step": "x"},
    }
    for key, state in states.items():
        await store.update_conversation("flow", key, state)
    await store.update_conversation("flow", (1, 1), "practice:rating")  # update in place
    await store.update_conversation("flow", (2, 2), None)  # ended
    assert await store.get_conversations("flow") == {
        (1, 1): "practice:rating",
        (3, 3): ["a", 1],
        (4, 4): {"step": "x"},
    }
    assert await DatabasePersistence().get_conversations("other") == {}


async def test_user_data_round_trips_and_drops(db: str) -> None:
    store = DatabasePersistence()
    await store.update_user_data(7, {"draft": {"name": "Acme", "level": None}})
    await store.update_user_data(7, {"draft": {"name": "Acme 2"}})
    await store.update_user_data(8, {})
    data = await store.get_user_data()
    assert data[7] == {"draft": {"name": "Acme 2"}} and data[8] == {}
    await store.drop_user_data(7)
    assert 7 not in await store.get_user_data()
