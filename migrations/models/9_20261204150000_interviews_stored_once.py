"""Interviews keep each fact once: `duration` (HH:MM:SS text) is derived from `started_at` and
`ended_at`, and the report's Markdown is rendered from `report_json` (`feedback` held it twice).

Existing rows stay readable: an interview without `started_at` (the seed's) gets its
`created_at`, and an ended one without `ended_at` gets `started_at` plus its stored duration; a
report kept only as Markdown (`feedback` without `report_json`) becomes
`report_json = {"markdown": ...}`, which the reader shows as it is (bot.services.interview_report).

Written for PostgreSQL and SQLite (3.35+ drops a column in place). The downgrade restores both
columns: the duration from the two times, the Markdown only for reports kept as Markdown (a
structured report without it is shown as "no report yet", and Retry report writes it again).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        ended_at = '"started_at" + CAST("duration" AS INTERVAL)'
        is_hms = "\"duration\" ~ '^[0-9]+:[0-9]{2}:[0-9]{2}$'"
        markdown = "jsonb_build_object('markdown', \"feedback\")"
    else:
        seconds = (
            'CAST(SUBSTR("duration", 1, LENGTH("duration") - 6) AS INTEGER) * 3600'
            ' + CAST(SUBSTR("duration", -5, 2) AS INTEGER) * 60'
            ' + CAST(SUBSTR("duration", -2) AS INTEGER)'
        )
        # The text Tortoise writes: 2026-12-04 15:00:00.000+00:00 (UTC).
        ended_at = (
            "STRFTIME('%Y-%m-%d %H:%M:%f', \"started_at\", '+' || (" + seconds + ") || ' seconds')"
            " || '+00:00'"
        )
        is_hms = "\"duration\" GLOB '*[0-9]:[0-9][0-9]:[0-9][0-9]'"
        markdown = "json_object('markdown', \"feedback\")"
    return f"""
UPDATE "interviews" SET "started_at" = "created_at" WHERE "started_at" IS NULL;
UPDATE "interviews" SET "ended_at" = {ended_at}
    WHERE "ended_at" IS NULL AND "status" <> 'active' AND {is_hms};
UPDATE "interviews" SET "report_json" = {markdown}
    WHERE "report_json" IS NULL AND "feedback" IS NOT NULL AND "feedback" <> '';
ALTER TABLE "interviews" DROP COLUMN "duration";
ALTER TABLE "interviews" DROP COLUMN "feedback";
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        seconds = 'CAST(EXTRACT(EPOCH FROM ("ended_at" - "started_at")) AS INTEGER)'
        hms = (
            f"LPAD(CAST({seconds} / 3600 AS TEXT), 2, '0') || ':'"
            f" || LPAD(CAST({seconds} % 3600 / 60 AS TEXT), 2, '0') || ':'"
            f" || LPAD(CAST({seconds} % 60 AS TEXT), 2, '0')"
        )
        markdown = "\"report_json\" ->> 'markdown'"
    else:
        seconds = (
            'CAST(ROUND((JULIANDAY("ended_at") - JULIANDAY("started_at")) * 86400) AS INTEGER)'
        )
        hms = f"PRINTF('%02d:%02d:%02d', {seconds} / 3600, {seconds} % 3600 / 60, {seconds} % 60)"
        markdown = "json_extract(\"report_json\", '$.markdown')"
    return f"""
ALTER TABLE "interviews" ADD COLUMN "duration" VARCHAR(16) NOT NULL DEFAULT '00:00:00';
ALTER TABLE "interviews" ADD COLUMN "feedback" TEXT;
UPDATE "interviews" SET "duration" = {hms}
    WHERE "started_at" IS NOT NULL AND "ended_at" IS NOT NULL AND "ended_at" >= "started_at";
UPDATE "interviews" SET "feedback" = {markdown} WHERE "report_json" IS NOT NULL;
UPDATE "interviews" SET "report_json" = NULL
    WHERE "feedback" IS NOT NULL AND {markdown} IS NOT NULL;
"""


MODELS_STATE = (
    "eJztXWtz4rYa/isaf0pn0kwCe8mhPZ0hQLrsEkgJafe0dDzCFokaW6a2ScL07PntR5Ixvj"
    "s2GCKIvuwGS69sP68svXf9o5iWjgznpKmbmDQ1F1tEaYB/FAJNRP9Iaz4GCpzNgkZ2wYUT"
    "g/eHrKMKeU/eAieOa9PftHEKDQfRSzpyNBvPlvdSBgQBTgY0yzQh0Y8BdMAdfkQE0F/sB3"
    "YBIjrSwdEDmrng6Z42zR1kOwDaCNCHQC7Svzth99Mtjd4Qk7vqh54T/Pccqa51h9x7ZNMb"
    "/PEnvYwp+TNy/J+zB3WKkaFHYMQ6G4BfV93FjF/rEveSd2RPPVE1y5ibJOg8W7j3Fln1xs"
    "RlV+8QQTakj0SvufacwUnmhrGE30fYe9Kgi/eIIRodTeHcYExh1N4DBNcUVe0PRupNZ6Sq"
    "SoJhPkUI6OUljfKcMps+qsPf/o49wve1s3cf353XP7w7p134Y66ufPzm3ToAxiPk8PRHyj"
    "feDl3o9eAYB6B6cy0N2gt8l4lumOpljH1E80D2L1SKsjKiU+/OhibAOrCmgM44byrHJ3ku"
    "9v+q1er1j7XT+ofz9+8+fnx/frpiQrIpjxsX3Z8ZQ2gHi37N3rfucyjgyPIrSzKkdQ/tdH"
    "aESGLcoK9TDTeCdWcXk96Ez6qByJ17T3/WazmY/toctj41h0f12ndRYPvLlhpvikIM7bu5"
    "idjNEiCP0HPWnA8THQTMObCOOl/5RDUd528jDOfRVfMrR9pcLFt6g/7PfvcQ/K3e4CIGu4"
    "0c9vwlMA8oJOBrAG49pCzrlmUgSNLx9ghiWE8oxbbA9hf5Emv6JRvEkzFsNKViBl3abTo0"
    "NpBebF3PW6IHg16EDRfdOM63Vxed4dEZ5wnthN2sddxGDCwVpsz4Nm1xsYkylvMIZYwb+p"
    "L0xP9DmN22+PJO308fEGOxvG/eZ9G96tyMmlfXEaa0m6MOa6lFvgv/6tGH2FawGgT81h19"
    "Auwn+H3Q73B0Lce9s/kdg36j3xX2THDuWiqxnlSohyDyr/owfmMC6/QhJF2xCxOoPTxBW1"
    "cTLVbNyuqbbDJrZvwKJPCOs4yByx5zqV5c2BbUNei4SoruETTmah4Tv1sxtSOb41LMl2L+"
    "7jbgTDmfbhMWeLItF1EdVWSh36UiUBnByO8vslgUcOXT6Kq38da8FQnJcaE7T1EDmK7VIX"
    "OTo9+ljwiJhhJcCKi3xYfEGqToNpy6SklOtIfNy1EDcNoxuen0293+zw3gIKJTboxJm+6G"
    "tNkiaExazX6r0+t12g2gsbc2CstVUbXt7EMBte0svlcHahtrijJrZltsq3ZU7R66pRezNO"
    "q1FrUlT0RRKl5nwVqhadJ/qECyPjuiA0iOrG032it9Y7cMOSyFI7aB2etxPUpZAdcF+wr3"
    "hMk+JrlcnmKCnfu12BwjlXwWjc8lzAfBhKCaO35ENkYpsuvFkvbyyxAZ0Hc3xhgftwu0vQ"
    "EXe7i6f/OnvH/VX+V3Ym1ZAZdndQmjW8D6okbZW8z9ayMNzzAiLtOAqSQPVsP9wNosmzlo"
    "J2hq2YgryEz45w7c+Yx9/PTvqYtsqienu4CrHT7FPvRH8P68h0Mv/ymNRq9oNBJdOU6uMs"
    "rM02jL6sfXvkY88zXipI5Mr4z4T6pBX/QGrS9MQ54YlvaA9DG5bHa5yuz5Icbktv+lP/it"
    "3wBz8kBX+6Ie5y1r0Mi2LTudoemfyopgLR4KJilE0a29f18AXtorE1/eFgV4uditIadFKa"
    "USJrDctnz6gOvBxl1qH4qTCRxJs+M9KfRBUTGgtG0pRHRAmO7AnpTQRVLmeJIVl1Tmw3fk"
    "C1okJIIXtI7940WWskEv2/BpJZkmvm0KghcHyffb5k2r2e4oiZleAba3y2EOE9bQl52O6O"
    "v43pvEeeJaTDLo12s5zo335X0Ec7nf3nbbJdSn+RzrJ4xmnbn3shal/DidEx4QDfid2D/v"
    "fiop5ldhUvKCDT1ZIyxF8FfPV6cO0sfLXe18/rJAcPaMPByLgklYv0kFMVnbiUWE7lJPjL"
    "LjxoSGkSlYBFRCh0OcfX92Co5anzqtL5QdmICbX3rfFdRAPVmjXvv4YSVdsB958sTNVbPX"
    "S4puU4R0tryWmfNhGqHn/RW0H3Sq14OpbZnc4KVZULsXc7JL12D2fN9PrbSIa5Di6zA4Ut"
    "Wn7O09RlblPi+EjLnGrp6jFvloVSC5/xIaai+RfVF6j00tkSR4uuUj+xGjJyVFiA8ac+V4"
    "7HeTovyBi/JyQ32LG6o07h8a14sY9/fQC6pZ5oznXJf1gzZbo+6vnQZgueePaEw6/TZzav"
    "Lk7jFpDa6ue50RjwyO3OHV/ZoyCu5Qo6Mi3ms2DdfgcZhOclhkDj9aWEOqjWZGemRbXu5q"
    "gnaHaayrK7vlb4XZqtYjBcUw1PXsoklqgeP4uXn0ODDc0Slj2eWyw6owj3q3Vf9y0owHn2"
    "8G/QwTdJQsvp5hzQX/BQYu5FvdEd4Tyz2B+MTR7pEJQ9r0kL8K8xuw1/0BWIaO7CU7HPDP"
    "mEoNnpF1TEcZKycnJ2Pl28YWVnavfAtr3JgaW+jYAHEL61/WRMVkapW0tcXIpK1NgOCPlz"
    "+KNxf74U/TCoycn61JdznSXs7oF22csU9atLgPsWb3DsI+QsZcL9Fww4yJ1e515Q23h8aa"
    "V0mY8D/8FPN6aE3INq6H1yBpWpemdWla3xcjqzStv0WuFzGtu9g1ULplPSMkzieQ6SiF0l"
    "H4/yXw9fuLHHolEr7oecayNKlgTm/0iIx1vURp44jMA+Xzbb87GDbAX/RGlj0mV9222uv8"
    "2uk1gIn17/lL8JQ53stBrJcYrqLwiyS4lR2YGCMTmTmVeA62EYYoc3kEsefIVJNd2RyiIW"
    "EVWB32d5lJmhvSglU3xKnaGErxYGIFkU2kQgKNhbOpKWvIB2vysbAz5EUcDgm4bZqzruGC"
    "FQNXUsxZftNxnjlr5nUSLFJUlszYsGTGzIApYmUxJcCnFVm2VC6HnQ4dykZoTK6HgwaY2R"
    "YV/5tfqeAPn9cR8c8LSPjnmQL+eaK2v2nNSYoVKbvI7YpA6JwuTLyyOiwOg+5xgN7PdVgt"
    "Hm1u21RzXICjGxfaToPVvDVQuXSvytL1/YcpY3QI0+wwSPLraLgty/hWJ7i7rKqrLrcQVs"
    "/UzijAmWNJyx2lGja87kq/fesPXfoesU61hI04kT+KNHQWYgUmXvgfxdCwYCn8U0h3uArt"
    "Zgk6qxVZhGivbENaLbEQYUe1EVu8UwMGc2M146Rih2oqEPCtFTjzyeo68D7TYtvsbmI4db"
    "hI0QgzBR+/++7Envqp0GJ9WM2ezlnQeMlpHSYTe0oLFn3sA7eG/zdGKuP7xfH3Jt38Mrgj"
    "ewnbTzd/oeAO6feRfp9X58AO/D7bNDivPBspFuew1yPb5BxxsYhjc5YhlDKEUu6yMoRScn"
    "2tEMoDLCoobACTjqdTrNFXyPBvvOzji44gMhOUTvPmPw2AoLMYk6tOu3t71QAm0vHcHBOK"
    "Y7sB6BsLUv9Bpl/uoNSZzAKsOAuwSABZqDbw+oE+QRFiMdYWsUN7uHqbomX5am+2hsVUR8"
    "G0qzwTS5XWlW34eoMDZBmwABfdbHZ4/KJUwt6OOC6VsLfI9SJKmEyz2vKpSnT5L4txmEYG"
    "0RSC2YDkbs6OYtaoaFMG6wTh4QFeL4J3PRvuejJkyVEnkJDSQQYROhllUCLKgMKm0k0ote"
    "BW9uSOUh3ezN5OPJ6jejVEy0/ugG6Hk9vXVspEwrNBgEU0ft7pwj8KkkdpT6yC9eR2M/EN"
    "dg6VgxBZQy6N0+4kwKYK5dE/dxaxg3fBFD0BE5O56yVNva2wm/3KSlFYdolS9msUPS+F4a"
    "ii5xmmfF3jM0wh35tQN2UGsQ7YGzislDS4R/bmcbN79xGuwi9UqpqUyb1LEu4uYndfAnaD"
    "POuy6KZQSniT8bksU7g0tnEyCWzmvFVd6wGlZb9fGhZ8aeqGiGMQTxm1OBvBZE5FZBfw8j"
    "A/gP5trwf+DaZ0nI23g/bg9qLXAdfDTqt7011W+F2t/7wxKiUPO83eC8xYY5vOGGJ/tuow"
    "h1hlZmv6NnbqhN+7iHM2OORXRwZVWu30qvUlPLWrk5Hb3oCLPTQIFypk8RqFUQQzwxTCyQ"
    "8k2BCmSgMuxEMpXE1jfZBChTsOBaRtxkkkKiGnxEykVUsucICeGq7VLE4whSyPsmF5FNvK"
    "qvf5siHKpxXZaapEz1xex+xUfXDkIYYIK/5h48fho8aP2dHj9DkRfXMdTBbcFr9aVFDBCp"
    "S7jir2yg84iD6GXiZ/O0En8pk73vxm9WoYT/ijA2K5Be2AW7BnzOgdclDPUbvTiMVWuzVI"
    "dMx0TWBgghxWkJU/OXDw0n3FG8AETa0KTLNV6OIyfC77Y9jPQKoi4XOBAFgyUzBGJyP5cy"
    "P5cVhp3jCUv+LKpCIG88dnl0hpwak1PFMUsaxan9nKWEqpUXE0MZk0XHXSsH+Eo6MtRYAo"
    "4MXOf1wRC11KkZ3/WErurOa4R4c9XALYvJMefYqNDnncFaqxUx6jC45/yOPGsuVWTm+cYg"
    "OpDxSPdW0TkQGE1puv25cNMNOnY9IetL42AGXG85iMvo7osvZc9BDUrZa3tOlSCt3SYbER"
    "OrHDYqkAYXi2iSm2HRf8r34KZszaCZhkv/EnUmHgoNTCsj+Cw9XCZDa1zKYWSgHbMJt6m/"
    "rXheXeuNBNdX6t2o7z9CwqN6nOqlulGtYfii+TPKCF8qd0fb2i6ytbvEzHdS+kSYoh1fwc"
    "7ldv/Mhe9SfmguEl1BgS68iT9VqRTKtadqZVLS5SsslfBnkkfHGWNVN9tlIG+hEa8xSDQb"
    "ZeuyLYB7W2CiFhKzqrzDTPnvT7KZqnxCauYngKhiZuU9JpIhtr92lyzrIlV8qBQR9hjMhS"
    "ptlQpmF7f+o5mtmba4jkADfYreTSso+qBMLL7geI7tnpaRHx5fQ0W3xhbTETl0VclHZgVL"
    "YAEyKRIkxJEeZVN7Nv/wdDZ0Yv"
)
