"""Composite indexes for the hot lists: a user's jobs newest first, a job's questions and
interviews newest first, and a user's interview in a given status.

The same SQL on PostgreSQL and SQLite. The single-column foreign-key indexes stay.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("idx_job_info_user_id_created_at", "job_info", ("user_id", "created_at")),
    ("idx_questions_job_info_id_created_at", "questions", ("job_info_id", "created_at")),
    ("idx_interviews_job_info_id_created_at", "interviews", ("job_info_id", "created_at")),
    ("idx_interviews_user_id_status", "interviews", ("user_id", "status")),
)


async def upgrade(db: BaseDBAsyncClient) -> str:
    return "\n".join(
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ('
        + ", ".join(f'"{column}"' for column in columns)
        + ");"
        for name, table, columns in INDEXES
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "\n".join(f'DROP INDEX IF EXISTS "{name}";' for name, _, _ in INDEXES)


# The models as of this migration (aerich 0.10 reads it from the newest file: `aerich migrate`
# diffs the models against it instead of rewriting this file).
MODELS_STATE = (
    "eJztXXtz4rYW/yoa/5XOpDsJ7COX9naGAOmyyyMF0u7tsuMRtkjU2DL1IwnTu/ezX0nG+O"
    "3YYIggnulsg6Ujy7+jx3np6B9JN1SkWW+aqo5JU7GxQaQG+EciUEf0j6TiUyDBxcIvZA9s"
    "ONN4fcgqypDX5CVwZtkm/U0L51CzEH2kIksx8WL1LmlIEOBkQDF0HRL1FEAL3OIHRAD9xX"
    "5gGyCiIhWc3KOFDR7vaJFjIdMC0ESAdgLZSP3hDXufaij0hZjclt+0Q/DfDpJt4xbZd8ik"
    "L/j6jT7GlPwJWd7Pxb08x0hTQzBilTXAn8v2csGfdYl9xSuyXs9kxdAcnfiVF0v7ziDr2p"
    "jY7OktIsiEtEv0mW06DE7iaNoKfg9ht6d+FbeLARoVzaGjMaYwarcD/jNJlgfDiTzuTGRZ"
    "ijHMowgAvXqkUJ5TZtOuWvzrb1kXfqydv/3w9qL+/u0FrcK7uX7y4bv7ah8Yl5DDM5hI33"
    "k5tKFbg2Psg+qOtSRoL/FtKrpBqucx9hDNAtl7UCrK0oQOvVsT6gCrwJgDOuLcoRwd5JnY"
    "/6tWq9c/1M7q7y/evf3w4d3F2ZoJ8aIsblx2f2UMoRUMOpvdue5xyOfIapbFGdK6g2YyOw"
    "IkEW7QzymHG/66s49Br8MnWUPk1r6jP+u1DEx/b45aH5ujk3rthzCwg1VJjReFIYbmraMj"
    "9rIYyBP0lDbmg0RHAXMGrJPOFz5Qdcv6WwvCedJvfuFI68tVSW84+NWrHoC/1RteRmA3kc"
    "X6XwBzn6ICfAPAjfuEZd0wNARJMt4uQQTrGaXYFdjeIl9gTb9ijbgyhonmVMygS7tJm8Ya"
    "UvOt61lL9HDYC7HhshvF+aZ/2RmdnHOe0ErYTlvHTcTAkmHCiG/TEhvrKGU5D1FGuKGuSN"
    "94fwiz2+Zf3un3qUOiLVfvzZoW3X5nPGn2r0NMaTcnHVZSC80L7+nJ+8hWsG4E/NGdfATs"
    "J/hzOOhwdA3LvjX5G/16kz8l1ifo2IZMjEcZqgGIvKcejN+ZwDq/D0hX7MEMKveP0FTlWI"
    "lRM9Lqxov0mh59Agm85Sxj4LJurtSLS9OAqgItW0rQPfzCTM1j5lXLp3akc7wS8ysxf38b"
    "cKqcT7cJAzyaho2ojiqy0G9TEaiIYOTVF1ks8rnycdLvbb0170RCsmxoOwlqANO1OsTROf"
    "pd2kVIFBTjgk+9Kz7E1iBJNeHclgpyoj1qXk0agNNOybgzaHcHvzaAhYhKuTElbbob0mKD"
    "oClpNQetTq/XaTeAwr5ayy1XhdW28/c51Lbz6F7tq22sKMyshWmwrdqSlTtoF17Mkqg3Wt"
    "RWPBFFqXiZBWuNpk7/oQLJ5uwIN1BxZGO70UHpG/tlyHEpHJENzNyM62HKErgu2Cw8ECZ7"
    "mGRyeY4Jtu42YnOEtOKzaHwuYD7wBwTV3PEDMjFKkF0vV7RXn0dIg567McL4qF2g7Ta4PM"
    "DV/bs35L2n3iq/F2vLGrgsq0sQ3RzWFznM3nzuXxMpeIERsZkGTCV5sG7uJ1ZmmMxBO0Nz"
    "w0RcQWbCP3fgOgs2+enfcxuZVE9OdgGX23yCfeir//28hkUff6uMRi9oNBJdOY6vMtLC1W"
    "iL6sfXnka88DTiuI5Mn0z4T6pBX/aGrc9MQ55phnKP1Cm5ana5yuz6IabkZvB5MPxj0AAO"
    "uaerfV6P8441aGSahpnM0OSpsibYiIeCSQphdGvv3uWAl9ZKxZeXhQFeLXYbyGlhykoJE1"
    "huW/Xe57q/cRfah6JkAkfS7HlPCkwoKgYUti0FiI4I0z3Yk2K6SMIYj7Piisp8+JZ8RsuY"
    "RPCM1nF4vEhTNuhjEz6uJdPY3KYguHGQfL9tjlvNdkeKjfQSsL1ZNXOcsAZmdjKiL+N7bx"
    "LrkWsx8aBft+Q0M96X1xHM5X5z020XUJ8cB6tvGM0mY+95LUr6ee4QHhAN+JvYP29/KSjm"
    "l2FScoMNXVkjKEXwT89Wp47Sx8td7Xz8skBw1kcejkXBJKzerISYrN3EIkJ7pSeG2THWoa"
    "alChY+ldDhEOc/np+Bk9bHTuszZQcmYPxb74ecGqgra9RrH96vpQv2I0ueGPebvV5cdJsj"
    "pLLltciYD9IIPe770LxXqV4P5qahc4OXYkDlTszBXrkG08f7YWqleVyDFF+LwZGoPqVv7x"
    "GyMvd5IWTMDXb1DLXIQ6sEyf23QFMHieyz0ntkaIkkwdMtH5kPGD1KCUK8X5gpx2OvWiXK"
    "H7koX22or3FDrYz7x8b1PMZ91TFh8g6f7jYL0uzR+3l21uD/FXV/fvzY6Pcb47EYTsoX0R"
    "sFc1VWcfDPDnbF0Bc8sUDR0d5sTbq/dxqAJVh4QFPSGbSZ555nMJiS1rB/3etMePh76A0v"
    "Pi+qUM9jDQEMhWiwYbgBj4N0FYdF5vCDgRUkm2ihJYdvZh3QjtHu8az2+sl++VvikWzjgY"
    "KiafJmxv84tcCHVbgP4NS3TtMhY5jFjkCW4QNwXyv/ZSXJz5/Gw0GKnyVMFl3PsGKD/wIN"
    "5wogOJyVjOGRLdlFhbjI6sQaiEp2fxkzGZO5UdAKHCGrrMAChCU9P5JfXVSSN0xLML9/Mm"
    "bdVUsHOaKftb5HprRoEUlije49BCQF3AzuEdgtz/KsvRR9t7kDNCO+yFEeb+InOH4Ca0K6"
    "2ye4BlVOn8rpUzl9DsX8Xzl9XiPX8zh9bGxrqIjHZ01wDN6HPRyU4v8vgK9XX+SgQJHwRU"
    "8Ldn6YCub0RQ9I29S1k9SOyDyQPt0MusNRA/xFX2SYU9LvtuVe5/dOrwF0rP7IP4If5uS1"
    "LMRqieHfCX5IjFvprs8ImcjMEdb9WZ0yE8SeUx2C2pfNIRysWILV4XCXmbi5ISmMekucyo"
    "3uFQ8mlqpbRzIkUFta25qyRryxJm8LWyOeXuSYgNulOesaLlmaeinBnOUVnWaZsxZuJcFi"
    "mKtkLlsmc1loMCWE8XklwKMVWbaUrkadDm3KRGhKrkfDBliYBhX/m1+o4A+fNhHxL3JI+B"
    "epAv5F7NYJ3XBIghUpPf3ymkDo04aYuAmfWPAE3eMAfZ9tsSxRimOaVHNcgpOxDU2rwbIx"
    "a6jYQcTSEkl4nSlidAjS7DGy8ctktCvL+E4HuL3K9yyvthCWaddMSQ2bYUnLbKUcNrzsSr"
    "976w9d+h6wSrWErTiR3Upl6MzFCkzcmD2KoWbAQvgnkO5xFdrPEnRey7MI0VrphrRabCHC"
    "lmwitngnRvllBlhGScWOr5Qg4FsrsJzZ+jlwp2m+bXY/gZcqXCZohKmCj1d9f2JP/UxosT"
    "6oZs8dFuldcFgHycQe0oKFDHvAbeD/jZBWQfni+Hvjbv4quCN9CTtMN3+u4I7K71P5fV6c"
    "A3vw++zS4Lz2bCRYnINej3STc8jFIo7NuQqhrEIoq122CqGsuL5RCOURprsUNoBJxfM5Vu"
    "gnpPg3nvfxhVsQmQlSpzn+TwMgaC2npN9pd2/6DaAjFTv6lFAc2w1Av1iQpA3V8cs9JOGr"
    "TgGWfAowTwBZIGv15oE+fnpsMdYWsUN7uHqboGV5am+6hsVUR8G0qywTS5nWlV34ev2rjR"
    "mwAOfdbPZ4MWilhL0ecbxSwl4j1/MoYdUxqx3f90WX/6IYB2mqIJpcMGuQ3DrsknCFijZF"
    "sI4RHh/g9Tx419PhrsdDlix5BgkpHGQQoquiDApEGVDYZLoJJWbJSh/cYarjG9m7icezZD"
    "fxZ/HB7dPtcXB72kqRSHjWCDCIwm/iXXqXlPIo7ZmRMwncfga+xm5IsxAiG8ilUdq9BNiU"
    "oTx6NyIjdiU0mKNHoGPi2O6hqdcVdnNYp1IkdrpEKjobRT+XwnCU0dMCU75uMA0TyA8m1E"
    "1aQKwC9gUWy/8M7pC5fdzswU3CdfiFTFWTImfv4oT7i9g9lIBd/5x1UXQTKCt44/G57KRw"
    "YWyjZBWwqeNWto17lHT6/Uoz4HNDN0AcgXjOqMXZCGYOFZFtwNPD/AQGN70e+DeY03a23g"
    "7aw5vLXgdcjzqt7ri7yvC7Xv95YVhKHnWavWeYscE2ndLE4WzVQQ6xu0aN+evYqWN+7zzO"
    "Wf/6aRVpVGk1k1PNF/DUru/sbrsNLg/QIJwrkcVLJEYRzAyTCycvkGBLmEoNuBAPpWA2jc"
    "1BCiTuOBaQdhknEcuEnBAzkZQtOcfVjnIwV7M4wRRVepQt06OYRlq+z+cNUR6tyE5TKXwb"
    "+CZmp/KDI48xRFiioinrmHpK5wckrGjGfhgmoP1E9MtVMFtyW/x6UUE5M1DuO6rYTT9gId"
    "oNtcj57RidyBfluOOb5athPOFdB8Swc9oBd2DPWNA3ZKCeoXYnEYutdiuQqJjpmkDDBFks"
    "ISvvObDwyn3FC8AMzY0STLNl6OJV+Fz6ZDjMQKo84XO+AFjwpGCErorkz4zkx0GlectQ/p"
    "Izk4oYzB8dXSIdC07M4ZmgiKXl+kxXxhJSjYqjiVWHhss+NOzdu2gpKxEgDHi+SxvXxEKn"
    "UmSXNhaSO8u5o9FinYsBm3U9o0ex1c2M+0J1ZthvIH5jKXdIh9EFh7kSvIsXxbu9cY41JN"
    "9TPDa1TYQaEFpvvm5fNcBCnU9Je9j60gCUGU9TMvkyocvaU96bS3ea3tKkSym0C4fFhujE"
    "DoulAoTm2ibm2LRs8L/6GVgwaydgkv3WU6TEwMFKC0ufBMerhVWnqavT1EIpYFuept6l/n"
    "Vp2GMb2onOr3XZaZaeReUm2VpXK1XD+ip5Msk9WkrfKtfXC7q+0sXLZFwPQpqkGFLNz+J+"
    "9cbP7FN/YS4YnkKNIbGJPFmv5TlpVUs/aVWLipRs8BdBHgmfnGXDoz47SQP9ADUnwWCQrt"
    "euCQ5BrS1DSNiJzlqdNE8f9IcpmifEJq5jeHKGJu5S0mkiEyt3SXLOqiRTyoF+HWGMyJVM"
    "s6VMw/b+xHs00zfXAMkRbrA7OUvLJlUBhFfVjxDd87OzPOLL2Vm6+MLKIiYug9go6cKodA"
    "EmQFKJMAVFmBfdzL7/HyT5FQA="
)
