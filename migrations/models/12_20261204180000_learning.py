"""The learning loop (issue 17): the skill a question tests, a spaced-repetition card per
graded question (`review_cards`) and daily practice reminders (`reminders`).

Written for PostgreSQL and SQLite: ranges are CHECK constraints, every foreign key has an index
(the unique question and the user primary key are their own), and the "due now" reads have
theirs: cards by user and due time, enabled reminders by their next send.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    ts, uuid = ("TIMESTAMPTZ", "UUID") if postgres else ("TIMESTAMP", "CHAR(36)")
    serial = "SERIAL NOT NULL PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT"
    real = "DOUBLE PRECISION" if postgres else "REAL"
    boolean = "BOOLEAN" if postgres else "INT"
    true = "TRUE" if postgres else "1"
    return f"""
ALTER TABLE "questions" ADD COLUMN "skill" VARCHAR(32);
CREATE TABLE IF NOT EXISTS "review_cards" (
    "id" {serial},
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "question_id" {uuid} NOT NULL UNIQUE REFERENCES "questions" ("id") ON DELETE CASCADE,
    "due" {ts} NOT NULL,
    "state" SMALLINT NOT NULL CONSTRAINT "review_cards_state_check" CHECK ("state" IN (1, 2, 3)),
    "step" SMALLINT CONSTRAINT "review_cards_step_check" CHECK ("step" >= 0),
    "stability" {real} CONSTRAINT "review_cards_stability_check" CHECK ("stability" > 0),
    "difficulty" {real}
        CONSTRAINT "review_cards_difficulty_check" CHECK ("difficulty" BETWEEN 1 AND 10),
    "last_rating" SMALLINT NOT NULL
        CONSTRAINT "review_cards_last_rating_check" CHECK ("last_rating" BETWEEN 1 AND 10),
    "last_review" {ts} NOT NULL,
    "reviews" INT NOT NULL DEFAULT 1 CONSTRAINT "review_cards_reviews_check" CHECK ("reviews" >= 1)
);
CREATE INDEX IF NOT EXISTS "idx_review_cards_user_due" ON "review_cards" ("user_id", "due");
CREATE TABLE IF NOT EXISTS "reminders" (
    "user_id" BIGINT NOT NULL PRIMARY KEY REFERENCES "users" ("id") ON DELETE CASCADE,
    "hour" SMALLINT NOT NULL CONSTRAINT "reminders_hour_check" CHECK ("hour" BETWEEN 0 AND 23),
    "minute" SMALLINT NOT NULL
        CONSTRAINT "reminders_minute_check" CHECK ("minute" BETWEEN 0 AND 59),
    "time_zone" VARCHAR(64) NOT NULL
        CONSTRAINT "reminders_time_zone_check" CHECK (length("time_zone") BETWEEN 1 AND 64),
    "enabled" {boolean} NOT NULL DEFAULT {true},
    "next_at" {ts},
    "last_sent_at" {ts},
    "created_at" {ts} NOT NULL,
    CONSTRAINT "reminders_next_at_check" CHECK (NOT "enabled" OR "next_at" IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS "idx_reminders_due" ON "reminders" ("next_at") WHERE "enabled";
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP TABLE IF EXISTS "reminders";
DROP TABLE IF EXISTS "review_cards";
ALTER TABLE "questions" DROP COLUMN "skill";
"""


MODELS_STATE = (
    "eJztXW132jgW/is6/jLpOZlMQtK0S3f3HBJIy5RAB8hMd4Y5XmEL0MRIjG2SsLPd376SbG"
    "Pjt9hgiCD+khZLV5afq5f7pqu/lCnVkWGd1PQpJjXNxpQoVfCXQuAUsf/EFR8DBc5mfiF/"
    "YMOhIepDXlGFoqYogUPLNtlvVjiChoXYIx1Zmoln7ruUDkFAkAGNTqeQ6McAWmCMHxAB7B"
    "f/gW2AiI50cHSPZjZ4nLCiuYVMC0ATAdYJZCP9zQl/n0419kJMxsU3PSf4zzlSbTpG9gSZ"
    "7AW//c4eY0b+hCzv5+xeHWFk6CswYp03IJ6r9mImnjWJfSMq8l4PVY0a8ynxK88W9oSSZW"
    "1MbP50jAgyIesSe2abcw4nmRuGC7+HsNNTv4rTxQCNjkZwbnCmcGqnA/4zRVXbnb7aa/RV"
    "VYkwzKMIAO0+0hjPGbNZVy3x9WPehe8rZxfvLt6fX168Z1VEN5dP3n1zXu0D4xAKeNp95Z"
    "sohzZ0agiMfVCdsRYH7RUeJ6IbpHoeYw/RNJC9B4WirPTZ0BubcAqwDugIsBHnDOXwIE/F"
    "/m+Vyvn5u8rp+eX7txfv3r19f7pkQrQojRtXzY+cIawCZbPZmeseh3yOuLMsypDrCTTj2R"
    "EgCXGDfU4x3PDXnV0M+il8Ug1ExvaE/TyvpGD6c617/anWPTqvvFkFtu2WVETRKsTQHM+n"
    "iL8sAnIfPSWN+SDRQcCcAmu/8VUM1Kll/WkE4Ty6rX0VSE8Xbkmr0/7oVQ/Af93qXIVgN5"
    "HF+58Dc5+iBHwNwOl9zLJOqYEgicfbIQhhPWQU2wLbW+RzrOk3vBFHxjDRiIkZbGk3WdPY"
    "QHq2dT1tie50WitsuGqGcb67vWp0j84ET1glbCet4ybiYKkwZsTXWYmNpyhhOV+hDHFDd0"
    "lPvP9Is9tmX97Z9+kdYizc96ZNi+Zto9ev3X5ZYUq91m/wksrKvPCeHl2GtoJlI+CXZv8T"
    "4D/Br512Q6BLLXtsijf69fq/KrxPcG5TldBHFeoBiLynHozfuMA6ug9IV/zBEGr3j9DU1U"
    "gJrdCkutGiaWUafgIJHAuWcXB5N1314sqkUNegZSsxuodfmKp5DL1q2dSOZI6XYn4p5u9u"
    "A06U89k2QcGjSW3EdFSZhX6biUB5BCOvvsxikc+VT/3b1sZb81YkJMuG9jxGDeC6VoPMpw"
    "L9JusiJBqKcMGn3hYfImuQoptwZCs5OVHv1m76VSBoB6TXaNeb7Y9VYCGiM24MSJ3thqyY"
    "EjQg17X2daPVatSrQONfbWSWq1bVtrPLDGrbWXiv9tU2XrTKrJlJ+VZtqdoE2rkXszjqtR"
    "Y1lyeyKBUvs2At0ZyyP0wgWZ8dqw2UHFnbbrRX+sZuGXJYCkdoAzPX4/oqZQFcl2wW7gmT"
    "PUxSuTzCBFuTtdgcIi35LBufc5gP/AHBNHf8gEyMYmTXK5f25nMXGdBzN4YYH7YL1J0GF3"
    "u4un/zhrz31Fvld2JtWQKXZnUJopvB+qKusjeb+9dEGp5hRGyuATNJHiyb+8DLqMkdtEM0"
    "oiYSCjIX/oUDdz7jk5/9f2Qjk+nJ8S7gYpuPsQ/95n+/qGGxx7+XRqMXNBrJrhxHVxll5m"
    "i0efXjL55GPPM04qiOzJ70xU+mQV+1OtefuYY8NKh2j/QBuak1hcrs+CEG5K79ud35pV0F"
    "c3LPVvusHucta9DINKkZz9D4qbIkWIuHkkkKq+hW3r7NAC+rlYivKFsF2F3s1pDTVilLJU"
    "xiuc3tvc91f+POtQ+FySSOpNnxnhSYUEwMyG1bChAdEKY7sCdFdJGYMR5lxQ2T+fCYfEaL"
    "iETwjNaxf7xIUjbYYxM+LiXTyNxmIDhxkGK/rfWua/WGEhnpBWB75zZzmLAGZnY8oi/je6"
    "8R61FoMdGgX6fkODXeV9SRzOV+d9es51Cf5nOsn3Cadcbe81qU8vfRnIiAaCDexP9c/DOn"
    "mF+ESckJNnRkjaAUIT49XZ06SB+vcLWL8csDwXkfRTgWA5PwesMCYrK2E4sIbVdPXGVHbw"
    "oNI1Gw8KmkDoc4+/7sFBxdf2pcf2bswAT0fmq9yaiBOrLGeeXd5VK64D/S5Ineba3Viopu"
    "I4R0vrzmGfNBGqnH/S0073Wm14ORSafC4KVRqE3kHOylazB5vO+nVprFNcjwtTgcsepT8v"
    "YeIityn5dCxlxjV09Rizy0CpDcfwo0tZfIPiu9h4aWTBI82/KR+YDRoxIjxPuFqXI89qqV"
    "ovyBi/LlhvoaN9TSuH9oXM9i3N9DL6hGpzNx5jqvH7R23W/+3KgCfvb8AQ1Io13nTk1xuH"
    "tArju3X1qNvogMXnnDi/s1yyi4Q42OWvFe82G4Bo+DdCWHZebwA8UaUk00M+Ij29LOrkZo"
    "d3iMdflkt/wt8LQqfWCgGIa6nl00Si1xHL8wjx77hjs2ZKiZ73RYEeZR57XqH1ac8eDHXq"
    "edYIJeJQuvZ1izwX+BgTP5VneE95DaJxCfWNoETWFAm+6KT+F+A/65HwA1dGS67LDAXwMm"
    "NThG1gFrZaCcnJwMlG8bW1j5u9ItrGFjamih4w2ELax/0KGKyYjmtLWFyEpbmwTBH89Pil"
    "cX++EN0wKMnD/SYdNtaS9H9LM2ztCUli3uQ67RvYOwj4Ax1zlouOGJieXudes0t4fGmhc5"
    "MOFN/BjzemBNSDauB9eg0rRemtZL0/q+GFlL0/pr5HoW07qNbQPFW9YTQuI8gvI4SqbjKO"
    "LfHPh69WUOvZIJX/Q046c0mWDOXvSAjHW9RHHtyMwD5ce7drPTrYI/2IuoOSC3zbraavzc"
    "aFXBFOvfi48QR+ZELQvxWnK4ioIfEuFWcmBiiExm5hTiOdhGGGJ5lkcSe0551GRXNofVkL"
    "ACrA77u8xEzQ1xwaob4lRsDKV8MPGEyFOkQgKNhbWpKasrGquJtrDVFUkcDgm4bZqzvsAF"
    "TwauxJizvKLjNHPWzKkkWaRomTJjw5QZMwPGiJXZlACPVmbZUrnpNhqsKROhAfnS7VTBzK"
    "RM/K99ZYI/fFpHxH+fQcJ/nyjgv4/k9p/SOYmxIiUnuV0SSH2mCxMnrQ6Pw2B7HGDvsy2e"
    "i0ebmybTHBfgqGdD06rynLcGynfcq7Dj+l5n8hgdgjQ7DJL82u9uyzK+1QFuu1l1VXcL4f"
    "lMzYQEnCmWtNRWimHDy67027f+sKXvAetMS9iIE+mtlIbOTKzAxAn/YxgaFObCP4Z0h6vQ"
    "bpags0qWRYjVSjakVSILEbZUE/HFOzZgMDVWM0wqd6imAoHYWoE1Hy6fA2eaZttmdxPDqc"
    "NFjEaYKPh41Xcn9pyfSi3WB9Xs0ZwHjecc1kEyuYe0ZNHHHnBr+H9DpGV8vzz+3qibvwzu"
    "SF7C9tPNnym4o/T7lH6fF+fADvw+2zQ4Lz0bMRbnoNcj2eS84mKRx+ZchlCWIZTlLluGUJ"
    "ZcXyuE8gCTCkobwKTj0Qhr7BMS/BvP+/hWW5CZCUqj1vtXFSBoLQbktlFv3t1WwRTpeD4d"
    "EIZjvQrYF8uS/+EeGwnBl/HTYEkgsX1deZxAG2Ab2Exus44BOhmfgHHmeyy3fId6eeJ1B9"
    "nlyoOXBR+8zBKzF0jHvH5slZ/3WY7lvOgwNB6LqGruBrBJCBpv6BqWgWdZ7QDC+BJjA/CM"
    "Msn6PzdsSKb7pxkAi7T9bSMSwb/emAMLcFZRaIeXg5YmgtejLJYmgtfI9SwmgvIQ4Jbv/G"
    "LLf16MgzQSq6AywWxAMp7zi8I1JtrkwTpCeHiAn2fB+zwZ7vNoQJ2lDiEhuUNgVujKGJgc"
    "MTAMNpVtQrHp4JIH9yrV4Y3s7USLWqqT4Tb/4Pbpdji4PW0lzzkN3gigRBO38S68i0rFGY"
    "IhzWhD3M3AN/gtaRZCZA25NEy7k/CvIpRH71ZkxK+FBiP0CKaYzG3nSN/rCgrbrzNTCj/7"
    "pOSdjbKfmuI4quhphhlf15iGMeR7E4ipzCDWAf8Ciyc6BxNkbh7VvXeTcBkcpDLVJM/J0C"
    "jh7uLJ9yWc3M8CkBfdGMoS3mj0OD/HnhvbMFkJbOK4VW16j+JyM9wYFD43dAPEIYhHnFqe"
    "jWA4ZyKyDUTyog+gfddqgX+A0dwJFNhoO6h37q5aDfCl27hu9ppu/unl+i8KV6XkbqPWeo"
    "YZa2zTCU3sz1Yd5BDPG05Hr2+nZpPmMY+FwKsvsW1A3CLrHAO3AWMd04ks4TgGXudzmw0u"
    "slgNLpKNBhdhCZn3RLVsNMuL/ZJIZgbwXAK8n+6y94hZV+c2gIIB614luwuOcA9nlCPJ1y"
    "esEO3D5Ql8avBOf8cYpLHuaBPgdV++axAEuvn3pQDZ/uxFjxPkpOQQU4QboviRYDJGBdx4"
    "vW97kjWfiVtJLJ6/YI1LuKLk+zMO+BAQ3P9hBhfulwATGXDx+saB52rLs0cGaXZoxkMkrx"
    "GPEsTz7bRq7Y93tY+N3guZ7SLholliGocmhbrGjeU6MvADTza7YYDjlddi3WlwsS1OvXSs"
    "40ukcJTMJZcJJy/+dkOYCo1Tlg+lYN6/9UEKpBg8RJAC4cUbp7h89fHFQVin/EtijoB7kH"
    "YI6lP2JwuwflsHspjlDMSOXAQUE5Qdd1lQhvvj1eBVRfJEa5fZQTfMDmrSpOsunvd0e7Qy"
    "R2Uqq3aidQTk4s8GHuIJWQVagHdMP2bzAxJeNOQ/qAlYPxH7ch0MF8I6sVxUUMYLGHZ9qN"
    "bJvmch1o243T5x0YnQyXzlrDO+ufrIeSK6Dgi1MwYabMFhOmNvSEE9xa8XRyy3X0+DRMfc"
    "cAQMTJDF7yMRPQcWduPjRAEYohEtIPajCGdfeT4neTLs50mNLOdzfAEwZ6KcEF15qjr1VD"
    "UOWmI2PFZd8MUcMh6sDo8umbJiLdXQGOUrqKImK12eUpxN11Jq4rTndxbQITYWYMZr883c"
    "awZA7jU1qAYNwBfYD+DfhAmUbDn+N8CW2Gv4b34llg6O7vrXb07CG8623rGBNihHBj8ZdM"
    "MXPrc7ofMY802PXwqQyAePRubrDfKy4bzy7nIJPP+RBnXvttZqRaVgJ+A+L5o+VYlnSNFm"
    "S5H6H0py3ugZIJJa5W7W2jXAv9XNxNOYm3SGfrhCJlMe1jF1XGaJiLlMjoi5jETEIMIxyX"
    "tkL0Al9Zkmyc7ruVtuXv0sQLZfMQ5LkcKLEePxL3T0CiMw3UNna4W6hGn3ZgwUMfv2jtOl"
    "GSZ5LzssM0yOqJqoPvtchm3PrZrRprBufu0X1Y+yWhPypdfe0DiwdP7HmgeCoQFpBoLVYI"
    "TnbQS/8J0RgrEJdaQD74Ac0OgUWYB/GhhREzjtgqObXrcH2JCwmR7PQ8z4i8CMafkeYYyF"
    "YCtvKL3FcnmL9XmMJpW+67gk+7PdOFHU2OZ2K9b5lWHLDVevT7gU8zSvUWJJJLNNQvHXoS"
    "o4A0whNQnj6jGouCw/Buc8cNp9nss1WoT9Iv5wz3PAx57tkcr3LGA/MtEbD1ng9XrH8MIh"
    "Zup0TO7sFG/zCpXUbuYiFKQiXMdpScpTgE7NTC4X0s6I9jsMzr4/O914pygCe6HdM3xib0"
    "RMX0lCpFIv5Bzv5aHAfDcNF7GSOFCheA9uBvOLT7o/gtKrNL84jMoTFBag2N0MOpNawYjm"
    "eMkZXRIi225wiSxz5dnrl2Rzjr9sLEl5vd1Lc6Aw+1vcilEAqsE76g7SsBlaJuWKkuKZjm"
    "oEGgsLW12k0SSTaEy943TjKKdQoSCR7bxKebNg0TcL0gcGimGoluYGSufRcCLE0us4O9ds"
    "+HQyYnyNyflMfIqNkpnsCtUhtU8gPrG0CZrC8ILDMzp5aUkkzG2CDaTeMzyi7Ml2gmulAa"
    "lDnb7Ub6pgpo8GpN65/loFjBlPA9L/2mfL2tNa948VnK6ULa5EEzhFhe60UKcVOrmzkzMB"
    "wnBOcI2wadngf+enYMbPhALueN94ihQYCFUGSSRPgsMKkijv/yvv/5NW/9rw/r9t6l81ZG"
    "JtosRoXG7JcZqOBf060qhWZXDHhsEdPMVlrGElOVQ+QCKz9Jgd4u1f9MEnVQ6E3eoHiO7Z"
    "6WmWvAqnp8mJFXhZSPCjxHazEGVVVwMk+6CvFrH7F6aMbhSiuulm9u3/vyEooA=="
)
