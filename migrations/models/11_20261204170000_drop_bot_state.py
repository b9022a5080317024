"""python-telegram-bot's persistence table `bot_state` goes: conversation state is the user's
flow on the users row (migration 10). A conversation in progress during the upgrade starts
again; nothing else was kept there."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return 'DROP TABLE IF EXISTS "bot_state";'


async def downgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        pk, ts, json = '"id" SERIAL NOT NULL PRIMARY KEY', "TIMESTAMPTZ", "JSONB"
    else:
        pk, ts, json = '"id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL', "TIMESTAMP", "JSON"
    return f"""
CREATE TABLE IF NOT EXISTS "bot_state" (
    {pk},
    "kind" VARCHAR(32) NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "value" {json} NOT NULL,
    "updated_at" {ts} NOT NULL,
    CONSTRAINT "uid_bot_state_kind_key" UNIQUE ("kind", "key")
);
"""


MODELS_STATE = (
    "eJztXVtz4jgW/isqv2ymKpNNSLo7S+9uFQmkm2kCGUJmemeYcglbEE2MxNgmCdXb+9tXkj"
    "G+OzYYRxC/dAdLR5a/o8u56eibMqU6Mqyjhj7FpKHZmBKlDr4pBE4R+yOu+BAocDbzCvkD"
    "G44MUR/yiioUNUUJHFm2yX6zwjE0LMQe6cjSTDxbvkvpEQQEGdDodAqJfgigBSb4ERHAfv"
    "Ef2AaI6EgHBw9oZoOne1Y0t5BpAWgiwDqBbKT/cMTfp1ONvRCTSfFNzwn+a45Um06QfY9M"
    "9oLf/2CPMSN/Rpb7c/agjjEy9ACMWOcNiOeqvZiJZ21iX4mKvNcjVaPGfEq8yrOFfU/Jqj"
    "YmNn86QQSZkHWJPbPNOYeTzA1jCb+LsNNTr4rTRR+NjsZwbnCmcGqnA94zRVW7vYF62xqo"
    "qhJhmEvhA3r5SGM8Z8xmXbXE1094F36snZx9ODs/fX92zqqIbq6efPjuvNoDxiEU8HQHyn"
    "dRDm3o1BAYe6A6Yy0O2gs8SUTXT/Uyxi6iaSC7DwpFWRmwoTcx4RRgHdAxYCPOGcrhQZ6K"
    "/T9qtdPTD7Xj0/fn784+fHh3frxiQrQojRsX7U+cIawCZbPZmesuhzyOLGdZlCGX99CMZ4"
    "ePJMQN9jnFcMNbd8oY9FP4rBqITOx79vO0loLpL43+5edG/+C09kMQ2O6ypCaKghBDczKf"
    "Iv6yCMgD9Jw05v1EewFzCqyD1lcxUKeW9Zfhh/PguvFVID1dLEs6ve4nt7oP/stO7yIEu4"
    "ks3v8cmHsUFeBrAE4fYpZ1Sg0ESTzeDkEI6xGj2BbY7iKfY02/4o04MoaJxkzMYEu7yZrG"
    "BtKzretpS3Sv1wmw4aIdxvnu+qLVPzgRPGGVsJ20jpuIg6XCmBHfZCU2nqKE5TxAGeKGvi"
    "Q9cv+QZrfNvryz79N7xFgs35s2LdrXrdtB4/omwJRmY9DiJbXAvHCfHrwPbQWrRsCv7cFn"
    "wH+C33rdlkCXWvbEFG/06g1+U3if4NymKqFPKtR9ELlPXRi/c4F1/OCTrviDEdQenqCpq5"
    "ESWqNJdaNF09o0/AQSOBEs4+Dybi7ViwuTQl2Dlq3E6B5eYarmMXKrZVM7kjleifmVmF/e"
    "Bpwo57NtgoInk9qI6agyC/02E4HyCEZufZnFIo8rnwfXnY235q1ISJYN7XmMGsB1rRaZTw"
    "X6bdZFSDQU4YJHvS0+RNYgRTfh2FZycqLZb1wN6kDQDsltq9tsdz/VgYWIzrgxJE22G7Ji"
    "StCQXDa6l61Op9WsA41/tZFZrgqqbSfvM6htJ+G92lPbeFGQWTOT8q3aUrV7aOdezOKo11"
    "rUljyRRal4nQVrheaU/cMEkvXZEWyg4sjadqOd0jfKZch+KRyhDcxcj+tBygK4Ltks3BEm"
    "u5ikcnmMCbbu12JziLTis2x8zmE+8AYE09zxIzIxipFdL5a0V1/6yICuuzHE+LBdoOk0uN"
    "jB1f27O+Tdp+4qX4q1ZQVcmtXFj24G64saZG8296+JNDzDiNhcA2aSPFg195GXUZM7aEdo"
    "TE0kFGQu/AsH7nzGJz/7e2wjk+nJ8S7gYpuPsQ/97n2/qGGxx39URqNXNBrJrhxHVxll5m"
    "i0efXjG1cjnrkacVRHZk8G4ifToC86vcsvXEMeGVR7QPqQXDXaQmV2/BBDctf90u392q2D"
    "OXlgq31Wj/OWNWhkmtSMZ2j8VFkRrMVDySSFILq1d+8ywMtqJeIryoIALxe7NeS0IGWlhE"
    "ksty1773Hd27hz7UNhMokjaUrek3wTiokBuW1LPqI9wrQEe1JEF4kZ41FWXDGZD0/IF7SI"
    "SAQvaB27x4skZYM9NuHTSjKNzG0GghMHKfbbxu1lo9lSIiO9AGzvls3sJ6y+mR2P6Ov43h"
    "vEehJaTDTo1yk5TI33FXUkc7nf3bWbOdSn+RzrR5xmnbH3shal/HM8JyIgGog38X/O/p1T"
    "zC/CpOQEGzqyhl+KEJ+erk7tpY9XuNrF+OWB4LyPIhyLgUl4vVEBMVnbiUWE9lJPDLLjdg"
    "oNI1Gw8KikDoc4+fHkGBxcfm5dfmHswATc/tz5IaMG6sgap7UP71fSBf+RJk/cXjc6najo"
    "NkZI58trnjHvp5F63F9D80Fnej0Ym3QqDF4ahdq9nIO9cg0mj/fd1EqzuAYZvhaHI1Z9St"
    "7eQ2RF7vNSyJhr7OopapGLVgGS+8++pnYS2Rel99DQkkmCZ1s+Mh8xelJihHivMFWOx261"
    "SpTfc1G+2lDf4oZaGff3jetZjPs76AXV6HQmzlzn9YM2LgftX1p1wM+eP6IhaXWb3KkpDn"
    "cPyWXv+qbTGojI4MAbXt2vWUXB7Wt0VMB7zYfhGjz201UclpnDjxRrSDXRzIiPbEs7uxqh"
    "LfEY6+pJufwt8LQqfWSgGIa6nl00Si1xHL8wjx56hjs2ZKiZ73RYEeZR57Xqn1ac8eCn21"
    "43wQQdJAuvZ1izwX+BgTP5VkvCe0TtI4iPLO0eTaFPm+6LT+F+A/65HwE1dGQu2WGBb0Mm"
    "NThG1iFrZagcHR0Nle8bW1j5u9ItrGFjamih4w2ELax/0pGKyZjmtLWFyCpbmwTBHy9Pij"
    "cX++EO0wKMnD/RUXvZ0k6O6BdtnKEpLVvch1yju4SwD58x1zlouOGJidXude00t4PGmlc5"
    "MOFO/Bjzum9NSDau+9egyrRemdYr0/quGFkr0/pb5HoW07qNbQPFW9YTQuJcguo4SqbjKO"
    "L/HPi69WUOvZIJX/Q846c0mWDOXvSIjHW9RHHtyMwD5ae7brvXr4M/2YuoOSTX7abaaf3S"
    "6tTBFOs/io8QR+ZELQvxWnK4ivwfEuFWcmBiiExm5hTiOdhGGGJ1lkcSe0511KQsm0MwJK"
    "wAq8PuLjNRc0NcsOqGOBUbQykfTDwh8hSpkEBjYW1qyuqLxhqiLWz1RRKHfQJum+asG7jg"
    "ycCVGHOWW3SYZs6aOZUkixStUmZsmDJjZsAYsTKbEuDSyixbKlf9Vos1ZSI0JDf9Xh3MTM"
    "rE/8ZXJvjD53VE/PMMEv55ooB/HsntP6VzEmNFSk5yuyKQ+kwXJk5aHR6HwfY4wN5nWzwX"
    "jzY3TaY5LsDBrQ1Nq85z3hoo33Gvwo7ru53JY3Tw05QYJPl10N+WZXyrA9xeZtVVl1sIz2"
    "dqJiTgTLGkpbZSDBted6XfvvWHLX2PWGdawkacSG+lMnRmYgUmTvgfw9CgMBf+MaQlrkLl"
    "LEEntSyLEKuVbEirRRYibKkm4ot3bMBgaqxmmFTuUE0FArG1Ams+Wj0HzjTNts2WE8Opw0"
    "WMRpgo+LjVyxN7To+lFuv9avZ4zoPGcw5rP5ncQ1qy6GMXuDX8vyHSKr5fHn9v1M1fBXck"
    "L2G76ebPFNxR+X0qv8+rc6AEv882Dc4rz0aMxdnv9Ug2OQdcLPLYnKsQyiqEstplqxDKiu"
    "trhVDuYVJBaQOYdDweY419QoJ/42UfX7AFmZmgtBq3/6kDBK3FkFy3mu276zqYIh3Pp0PC"
    "cGzWAftiSfI/VMcvS0h1Vp0CLPgUYJYAMl9u4PUDfbwkxHKsLXKH9gj1NkbLctXeZA2Lq4"
    "6SaVdpJpYirSvb8PV6F8hyYAHOutmUeP1ipYS9HXG8UsLeItezKGHVMast36rElv+8GPtp"
    "qiCaTDAbkEzm/CpmjYk2ebCOEO4f4KdZ8D5Nhvs0GrJkqSNISO4ggwBdFWWQI8qAwaayTS"
    "g24Vby4A5S7d/I3k48nqU6OUTzD26PrsTB7WoreSLheSOAEk3cd7pwr4IUUdojmjGfXDkD"
    "3+D3UFkIkTXk0jBtKQE2RSiP7r2ziF+8C8boCUwxmdvOoam3FXazW6dSFH66RMk7G2U/l8"
    "JxVNHzDDO+rjENY8h3JtRNmUGsA/4FFk8lDe6RuXnc7M5NwlX4hcpUkzxn76KE5UXs7krA"
    "rnfOOi+6MZQVvNH4XH5SODe2YbIK2MRxq9r0AcWdfr8yKHxp6PqIQxCPObU8G8FozkRkG4"
    "j0MB9B967TAf8CY9bOxttBs3d30WmBm37rsn3bXmb4Xa3/ojAoJfdbjc4LzFhjm05oYne2"
    "aj+HeGZmOn57OzWbNE95LARufYltA+KeTuegrQ0Y65hOZAmnMXA7n9tscJbFanCWbDQ4C0"
    "vIvCeqZaNZXuxXRDIzgJ/W5v1cLntPmHV1bgMoGLDuZZ1lcIR7OKMcSU5QHyDahfT0fGrw"
    "Tv+NMUhj3dHugdt9+RLNC3Tz70s+st3Zi57ukZP0QEwRbojihy7JBBVwp/Cu7UnWfCbufb"
    "D4CfE1rjmKku/OOOBDQHD/7zO4WH4JMJEBF29vHLiutjx7pJ+mRDMeInmNeJQgntGk0+h+"
    "umt8at2+ktkuEgOZJVBvZFKoa9xYriMDP/J0nhtG7V24LTadBhfb4tRrBPDFG282AyxPkj"
    "zJXHKZcHKDSjeEqdDgW/lQ8mdWWx8kXxK3fQFpmzGzkVsxYuJn427OyHCZsuq/t0OewNoq"
    "Vd6GqfJMmpT7/WWnpEsrcwCdElTp15Flij8os4/HxRRoAd4x/ZDND0h40Yj/oCZg/UTsy3"
    "UwWghFcrWooIzZyMs+YeakorIQ64aeJ5dPhE7m+xed8c0lfc4T0XVAqJ3RJ7wF39aMvSEF"
    "9RQXTByx3C4YDRIdcx0fGJggiyfnFz0HFl6GMokCMEJjWoCbvgi/THWUInky7GZQfZajFJ"
    "4AmDNrRIiuOtWZeqoT+5XmDY91FpylXsaDneHRJVOKmNh87jGKWFLe92RlLCbtvDyaWJVA"
    "pugEMu513pa2FAGCgGe7C3xFLHVabX4XeC65s5irvy3euQiwabd+uxQbeVTLQjV043dwwX"
    "Ev/JbUwYoNpD4wPNa1TQQakFpvvmle1cFMHw9Js3f5tQ4YM56HZPB1wJa154wHGLab6txk"
    "S6nAKcKL1FMkATq5j0gxAcJwbBNjbFo2+N/pMZhxayfgkv3GU6TAQySVFpY8CfZXC6sy61"
    "SZdaRSwDbMrLNN/auBTKzdKzEa17LkME3Hgl4daVSrysm1oZOLx9nG3jSaHK3jI5FZeswO"
    "8fZPG/NJlQPhZfU9RPfk+DiLx/D4ONllyMtCgh8lNoq7UitZXfWR7IK+WsTuX5gymiP6rP"
    "jN7Pv/AUpMpUU="
)
