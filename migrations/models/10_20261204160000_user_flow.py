"""The per-user flow model: the user's current conversation flow, its step and data, when it
last changed; the last /paysupport relay; the user's language.

Written for PostgreSQL and SQLite. CHECK constraints: the language is one of en, es, ru, pt; a
step needs a flow (`flow_step` is NULL when `flow` is). `bot_state` stays until
`bot/persistence.py` no longer uses it.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

FLOW_STEP_CHECK = '"flow_step" IS NULL OR "flow" IS NOT NULL'


async def upgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        ts, json = "TIMESTAMPTZ", "JSONB"
        # a table constraint, as it reads two columns
        flow_step = f"""ALTER TABLE "users" ADD COLUMN "flow_step" VARCHAR(24);
ALTER TABLE "users" ADD CONSTRAINT "users_flow_step_check" CHECK ({FLOW_STEP_CHECK});"""
    else:
        ts, json = "TIMESTAMP", "JSON"
        # SQLite adds no table constraint to an existing table: the column carries it
        flow_step = f"""ALTER TABLE "users" ADD COLUMN "flow_step" VARCHAR(24)
    CONSTRAINT "users_flow_step_check" CHECK ({FLOW_STEP_CHECK});"""
    return f"""
ALTER TABLE "users" ADD COLUMN "flow" VARCHAR(24);
{flow_step}
ALTER TABLE "users" ADD COLUMN "flow_data" {json};
ALTER TABLE "users" ADD COLUMN "flow_at" {ts};
ALTER TABLE "users" ADD COLUMN "support_sent_at" {ts};
ALTER TABLE "users" ADD COLUMN "language" VARCHAR(8) NOT NULL DEFAULT 'en'
    CONSTRAINT "users_language_check" CHECK ("language" IN ('en', 'es', 'ru', 'pt'));
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # flow_step first: its CHECK reads flow
    columns = ("language", "support_sent_at", "flow_at", "flow_data", "flow_step", "flow")
    return "\n".join(f'ALTER TABLE "users" DROP COLUMN "{column}";' for column in columns)


MODELS_STATE = (
    "eJztXet34jYW/1d0/GXTc9JsQjIzWdrtOSSQGToEUkLa2ZYeH2ELoomRqB9JON3Zv30lGe"
    "O3Y4MhgvjLTLB0Zfl39bgvXf2tTKmODOuooU8xaWg2pkSpg78VAqeI/ZFUfAgUOJv5hfyB"
    "DUeGqA95RRWKmqIEjizbZL9Z4RgaFmKPdGRpJp4t3qX0CAKCDGh0OoVEPwTQAhP8iAhgv/"
    "gPbANEdKSDgwc0s8HTPStyLGRaAJoIsE4gG+nfHfH36VRjL8RkUn7TDsF/OUi16QTZ98hk"
    "L/jjT/YYM/JnZHk/Zw/qGCNDD8GIdd6AeK7a85l41ib2lajIez1SNWo4U+JXns3te0qWtT"
    "Gx+dMJIsiErEvsmW06HE7iGMYCfg9ht6d+FbeLARodjaFjcKZwarcD/jNFVbu9gXrbGqiq"
    "EmOYRxEAevFIYzxnzGZdtcTXT3gXvq+dnH04Oz99f3bOqohuLp98+Oa+2gfGJRTwdAfKN1"
    "EObejWEBj7oLpjLQnaCzxJRTdI9TLGHqJZIHsPSkVZGbChNzHhFGAd0DFgI84dytFBnon9"
    "v2q109MPtePT9+fvzj58eHd+vGRCvCiLGxftj5whrAJls9md6x6HfI4sZlmcIZf30ExmR4"
    "Akwg32OeVww193tjHop/BZNRCZ2Pfs52ktA9NfG/3LT43+wWntuzCw3UVJTRSFIYbmxJki"
    "/rIYyAP0nDbmg0R7AXMGrIPWFzFQp5b1lxGE8+C68UUgPZ0vSjq97kevegD+y07vIgK7iS"
    "ze/wKY+xQV4CsATh8SlnVKDQRJMt4uQQTrEaPYFNjeIl9gTb/ijbgyhonGTMxgS7vJmsYG"
    "0vOt61lLdK/XCbHhoh3F+e76otU/OBE8YZWwnbaOm4iDpcKEEd9kJTaeopTlPEQZ4Ya+ID"
    "3y/pBmt82/vLPv03vEmC/emzUt2tet20Hj+ibElGZj0OIltdC88J4evI9sBctGwG/twSfA"
    "f4Lfe92WQJda9sQUb/TrDX5XeJ+gY1OV0CcV6gGIvKcejN+4wDp+CEhX/MEIag9P0NTVWA"
    "mt0bS68aJpbRp9AgmcCJZxcHk3F+rFhUmhrkHLVhJ0D78wU/MYedXyqR3pHK/E/ErM394G"
    "nCrns22CgieT2ojpqDIL/TYTgYoIRl59mcUinyufBtedtbfmjUhIlg1tJ0EN4LpWizhTgX"
    "6bdRESDcW44FNvig+xNUjRTTi2lYKcaPYbV4M6ELRDctvqNtvdj3VgIaIzbgxJk+2GrJgS"
    "NCSXje5lq9NpNetA419t5JarwmrbyfscattJdK/21TZeFGbWzKR8q7ZU7R7ahRezJOqVFr"
    "UFT2RRKl5nwVqiOWX/MIFkdXaEG6g4srLdaKf0je0yZL8UjsgGZq7G9TBlCVyXbBbuCJM9"
    "TDK5PMYEW/crsTlCWvFZNj4XMB/4A4Jp7vgRmRglyK4XC9qrz31kQM/dGGF81C7QdBuc7+"
    "Dq/s0b8t5Tb5XfirVlCVyW1SWIbg7rixpmbz73r4k0PMOI2FwDZpI8WDb3Ay+jJnfQjtCY"
    "mkgoyFz4Fw5cZ8YnP/t7bCOT6cnJLuBym0+wD/3hf7+oYbHHf1ZGo1c0GsmuHMdXGWXmar"
    "RF9eMbTyOeeRpxXEdmTwbiJ9OgLzq9y89cQx4ZVHtA+pBcNdpCZXb9EENy1/3c7f3WrQOH"
    "PLDVPq/HecMaNDJNaiYzNHmqLAlW4qFkkkIY3dq7dzngZbVS8RVlYYAXi90KclqYslLCJJ"
    "bbFr33ue5v3IX2oSiZxJE0W96TAhOKiQGFbUsBoj3CdAv2pJgukjDG46y4YjIfnpDPaB6T"
    "CF7QOnaPF2nKBntswqelZBqb2wwENw5S7LeN28tGs6XERnoJ2N4tmtlPWAMzOxnR1/G9N4"
    "j1JLSYeNCvW3KYGe8r6kjmcr+7azcLqE+Og/UjTrPK2HtZi1J+HDtEBEQD8Sb+z9lPBcX8"
    "MkxKbrChK2sEpQjx6dnq1F76eIWrXYxfHgjO+yjCsRiYhNcblRCTtZlYRGgv9MQwO26n0D"
    "BSBQufSupwiJPvT47BweWn1uVnxg5MwO0vne9yaqCurHFa+/B+KV3wH1nyxO11o9OJi25j"
    "hHS+vBYZ80Eaqcf9NTQfdKbXg7FJp8LgpVGo3cs52CvXYPp4302tNI9rkOFrcTgS1af07T"
    "1CVuY+L4WMucKunqEWeWiVILn/EmhqJ5F9UXqPDC2ZJHi25SPzEaMnJUGI9wsz5XjsVatE"
    "+T0X5asN9S1uqJVxf9+4nse4v4NeUI1OZ+LMdVE/aONy0P61VQf87PkjGpJWt8mdmuJw95"
    "Bc9q5vOq2BiAwOveHV/ZpVFNy+RkeFvNd8GK7A4yBdxWGZOfxIsYZUE82M5Mi2rLOrMdot"
    "HmNdPtkuf0s8rUofGSiGoa5mF41TSxzHL8yjh77hjg0ZahY7HVaGedR9rfrVSjIe/Hzb66"
    "aYoMNk0fUMazb4LzBwLt/qlvAeUfsI4iNLu0dTGNCm++JTuN+Af+4PgBo6MhfssMDfQyY1"
    "uEbWIWtlqBwdHQ2Vb2tbWPm7si2sUWNqZKHjDUQtrF/pSMVkTAva2iJkla1NguCPlyfFm4"
    "v98IZpCUbOn+movWhpJ0f0izbOyJSWLe5DrtG9hbCPgDHXPWi45omJ5e517Ta3g8aaVzkw"
    "4U38BPN6YE1IN64H16DKtF6Z1ivT+q4YWSvT+lvkeh7Tuo1tAyVb1lNC4jyC6jhKruMo4v"
    "8C+Hr1ZQ69kglf9DzjpzSZYM5e9IiMVb1ESe3IzAPl57tuu9evg6/sRdQckut2U+20fm11"
    "6mCK9e/FR4gjc6KWhXgtOVxFwQ+JcSs9MDFCJjNzSvEcbCIMsTrLI4k9pzpqsi2bQzgkrA"
    "Srw+4uM3FzQ1Kw6po4lRtDKR9MPCHyFKmQQGNurWvK6ovGGqItbPVFEod9Am6T5qwbOOfJ"
    "wJUEc5ZXdJhlzpq5lSSLFK1SZqyZMmNmwASxMp8S4NHKLFsqV/1WizVlIjQkN/1eHcxMys"
    "T/xhcm+MPnVUT88xwS/nmqgH8ey+0/pQ5JsCKlJ7ldEkh9pgsTN60Oj8Ngexxg77MtnotH"
    "c0yTaY5zcHBrQ9Oq85y3Bip23Ku04/peZ4oYHYI0WwyS/DLob8oyvtEBbi+y6qqLLYTnMz"
    "VTEnBmWNIyWymHDa+70m/e+sOWvkesMy1hLU5kt1IZOnOxAhM3/I9haFBYCP8E0i2uQttZ"
    "gk5qeRYhVivdkFaLLUTYUk3EF+/EgMHMWM0oqdyhmgoEYmsFljNaPgfuNM23zW4nhlOH8w"
    "SNMFXw8apvT+w5PZZarA+q2WOHB40XHNZBMrmHtGTRxx5wK/h/I6RVfL88/t64m78K7khf"
    "wnbTzZ8ruKPy+1R+n1fnwBb8Pps0OC89GwkW56DXI93kHHKxyGNzrkIoqxDKapetQigrrq"
    "8UQrmHSQWlDWDS8XiMNfYJKf6Nl3184RZkZoLSatz+pw4QtOZDct1qtu+u62CKdOxMh4Th"
    "2KwD9sWS5H+ojl9uIdVZdQqw5FOAeQLIArmBVw/08ZMQy7G2yB3aI9TbBC3LU3vTNSyuOk"
    "qmXWWZWMq0rmzC1+tfIMuBBTjvZrPF6xcrJeztiOOVEvYWuZ5HCauOWW34ViW2/BfFOEhT"
    "BdHkgtmAZOLwq5g1JtoUwTpGuH+An+bB+zQd7tN4yJKljiAhhYMMQnRVlEGBKAMGm8o2oc"
    "SEW+mDO0y1fyN7M/F4lurmEC0+uH26LQ5uT1spEgnPGwGUaOK+07l3FaSI0h7RnPnktjPw"
    "DX4PlYUQWUEujdJuJcCmDOXRu3cW8Yt3wRg9gSkmju0emnpbYTe7dSpF4adLlKKzUfZzKR"
    "xHFT3PMOPrCtMwgXxnQt2UGcQ64F9g8VTS4B6Z68fN7twkXIZfqEw1KXL2Lk64vYjdXQnY"
    "9c9ZF0U3gbKCNx6fy08KF8Y2SlYBmzpuVZs+oKTT71cGhS8N3QBxBOIxp5ZnIxg5TES2gU"
    "gP8wPo3nU64N9gzNpZezto9u4uOi1w029dtm/biwy/y/VfFIal5H6r0XmBGSts0ylN7M5W"
    "HeQQz8xMx29vp2aT5qmIhcCrL7FtQNzT6R60tQFjHdOJLOE0Bl7nC5sNzvJYDc7SjQZnUQ"
    "mZ90S1bDQriv2SSGYG8NPavJ+LZe8Js646NoCCAate1rkNjnAPZ5wj6QnqQ0S7kJ6eTw3e"
    "6X8wBmmsO9o98LovX6J5gW7xfSlAtjt70dM9cpMeiCnCDVH80CWZoBLuFN61PclyZuLeB4"
    "ufEF/hmqM4+e6MAz4EBPf/OYPzxZcAExlw/vbGgedqK7JHBmm2aMZDpKgRjxLEM5p0Gt2P"
    "d42PrdtXMtvFYiDzBOqNTAp1jRvLdWTgR57Oc82ovQuvxabb4HxTnHqNAL5k4816gBVJki"
    "eZSy4XTl5Q6ZowlRp8Kx9Kwcxqq4MUSOK2LyBtMmY2ditGQvxs0s0ZOS5TVoP3dsgTWFul"
    "ylszVZ5J03K/v+yU9GhlDqBTwir9KrJM+Qdl9vG4mAItwDumH7L5AQkvGvEf1ASsn4h9uQ"
    "5Gc6FILhcVlDMb+bZPmLmpqCzEuqEXyeUTo5P5/kV3fHNJn/NEdB0Qauf0CW/AtzVjb8hA"
    "PcMFk0QstwtGg0THXMcHBibI4sn5Rc+BhRehTKIAjNCYluCmL8MvUx2lSJ8MuxlUn+cohS"
    "8AFswaEaGrTnVmnurEQaV5zWOdJWepl/FgZ3R0yZQiJjGfe4Iilpb3PV0ZS0g7L48mViWQ"
    "KTuBjHedt6UtRIAw4PnuAl8SS51Wm98FXkjuLOfqb4t3LgZs1q3fHsVaHtVtoRq58Tu84H"
    "gXfkvqYMUGUh8YHqvaJkINSK033zSv6mCmj4ek2bv8UgeMGc9DMvgyYMvac84DDJtNdW6y"
    "pVTgFONF5imSEJ3cR6SYAGG4tokxNi0b/O/0GMy4tRNwyX7tKVLiIZJKC0ufBPurhVWZda"
    "rMOlIpYGtm1tmk/nVB7Vsb2onOr2XZYZaexeQm1VpWK1XD+kPxZJIHNFf+rFxfr+j6Shcv"
    "k3HdCWkyGFVc/5F/6k/cBSPS6eaPp4ycuq/lOXVfSz91X4uKlHzwF0EeSZ+oL/+o3vyVII"
    "/QcBIMBul67ZJgF9TaMoSEjeisVdah9EG/m6J5QizoMoYnZ2jiJiWdBjKxdp8k5yxKMqUc"
    "6NeRxohcyTRryjR870+8Uz19cw2Q7OEGu5G8KnxSFUB4UX0P0T05Ps4jvhwfp4svvCxi4q"
    "LERkmXh6YLMAGSSoQpKMK86mb27f+syXr9"
)
