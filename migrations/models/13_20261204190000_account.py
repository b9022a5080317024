"""Users' data: /mydata's once-an-hour clock on the users row, and payments that outlive their
user. Deleting a user (/deleteme) cascades to everything of theirs; a payment is kept for the
law and for refunds but loses its link: `payments.user_id` becomes NULL (ON DELETE SET NULL)
and /deleteme empties the invoice payload, which names the payer.

PostgreSQL changes the constraint in place; SQLite can't alter a foreign key, so the payments
table is rebuilt (same columns, checks and index).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

def _sqlite_payments(user_id: str) -> str:
    return f"""
CREATE TABLE "payments_new" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    {user_id},
    "plan" VARCHAR(8) NOT NULL
        CONSTRAINT "payments_plan_check" CHECK ("plan" IN ('pro', 'max')),
    "amount" INT NOT NULL CONSTRAINT "payments_amount_check" CHECK ("amount" > 0),
    "currency" VARCHAR(8) NOT NULL DEFAULT 'XTR',
    "telegram_payment_charge_id" VARCHAR(255) NOT NULL
        CONSTRAINT "uid_payments_telegram_payment_charge_id" UNIQUE,
    "provider_payment_charge_id" VARCHAR(255),
    "invoice_payload" VARCHAR(128) NOT NULL DEFAULT '',
    "is_recurring" INT NOT NULL DEFAULT 0,
    "days" INT NOT NULL DEFAULT 30 CONSTRAINT "payments_days_check" CHECK ("days" > 0),
    "refunded" INT NOT NULL DEFAULT 0,
    "refunded_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
);
INSERT INTO "payments_new" SELECT "id", "user_id", "plan", "amount", "currency",
    "telegram_payment_charge_id", "provider_payment_charge_id", "invoice_payload",
    "is_recurring", "days", "refunded", "refunded_at", "created_at" FROM "payments";
DROP TABLE "payments";
ALTER TABLE "payments_new" RENAME TO "payments";
CREATE INDEX IF NOT EXISTS "idx_payments_user_id" ON "payments" ("user_id", "created_at");
"""


async def upgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        return """
ALTER TABLE "users" ADD COLUMN "data_exported_at" TIMESTAMPTZ;
ALTER TABLE "payments" ALTER COLUMN "user_id" DROP NOT NULL;
ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_user_id_fkey";
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL;
"""
    user_id = '"user_id" BIGINT REFERENCES "users" ("id") ON DELETE SET NULL'
    return f"""
ALTER TABLE "users" ADD COLUMN "data_exported_at" TIMESTAMP;
{_sqlite_payments(user_id)}"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    if db.capabilities.dialect == "postgres":
        return """
DELETE FROM "payments" WHERE "user_id" IS NULL;
ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_anonymous_check";
ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_user_id_fkey";
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE;
ALTER TABLE "payments" ALTER COLUMN "user_id" SET NOT NULL;
ALTER TABLE "users" DROP COLUMN "data_exported_at";
"""
    user_id = '"user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE'
    return f"""
DELETE FROM "payments" WHERE "user_id" IS NULL;
{_sqlite_payments(user_id)}
ALTER TABLE "users" DROP COLUMN "data_exported_at";
"""


MODELS_STATE = (
    "eJztXW1z4jgS/isqf9lMVTabkExmjrm7KhLIDDsEZoHszu2y5RO2AG+MxPolCbc399tPkm"
    "387thgiCD+khkstSx366W79XTrL2lOVKSbJw11ruGGYmkES3Xwl4ThHNH/JBUfAwkuFn4h"
    "e2DBsc7rQ1ZRhrwmL4Fj0zLob1o4gbqJ6CMVmYqhLdx3ST2MACcDCpnPIVaPATTBVHtAGN"
    "Bf7IdmAYRVpIKje7SwwOOMFtkmMkwADQRoJ5CF1Dcn7H0qUegLNTwtv2kba3/aSLbIFFkz"
    "ZNAX/PY7faxR8idkej8X9/JEQ7oaYqOmsgb4c9laLvizNrZueEXW67GsEN2eY7/yYmnNCF"
    "7V1rDFnk4RRgakXaLPLMNm7MS2rrvs9zjs9NSv4nQxQKOiCbR1JhRG7XTAfybJcrc3lAet"
    "oSxLMYF5FAFGu48UKnMqbNpVk3/9lHXh+9rZxbuL9+eXF+9pFd7N1ZN335xX+4xxCDl7uk"
    "PpGy+HFnRqcB77THXGWhJrr7RpKneDVM/z2ONoFpO9B6VyWRrSoTc14BxoKiATQEecM5Sj"
    "gzyT93+r1c7P39VOzy/fv7149+7t+9OVEOJFWdK4an9kAqEVCJ3Nzlz3JORLxJ1lcYFcz6"
    "CRLI4ASUQa9HPKkYa/7uxi0M/hk6wjPLVm9Od5LYOnPzf6158a/aPz2pswY7tuSY0XhVkM"
    "jak9R+xlMSYP0VPamA8SHQSbM9g6bH3lA3Vumn/qQXYe3Ta+ck7Pl25Jp9f96FUPsP+607"
    "uKsN1AJut/AZ77FBXD12A4uU9Y1gnREcTJ/HYIIrweU4ptMdtb5Aus6TesEUfHMNCEqhl0"
    "aTdo05qO1HzretYS3et1QmK4akf5fHd71eofnXGZ0EqalbaOG4gxS4YJI75JSyxtjlKW8x"
    "BlRBqqS3ri/UeY3Tb/8k6/T+1hfem+N2tatG9bg2Hj9ktIKM3GsMVKaqF54T09uoxsBatG"
    "wC/t4SfAfoJfe90W5y4xranB3+jXG/4qsT5B2yIyJo8yVAMs8p56bPzGFNbJfUC7Yg/GUL"
    "l/hIYqx0pIjaTVjRfNa/PoE4jhlIuMMZd10zUvrgwCVQWalpRge/iFmZbH2KuWz+xIl3il"
    "5ldq/u424FQ9n24TBDwaxELURhVZ6beoClREMfLqi6wW+VL5NLztbLw1b0VDMi1o2QlmAL"
    "O1Wtiec+63aRchVlBMCj71tuQQW4Mk1YATSyooiWa/cTOsA047woNWt9nufqwDE2GVSmOE"
    "m3Q3pMUEoxG+bnSvW51Oq1kHCvtqPbdeFTbbzi5zmG1n0b3aN9tYUVhYC4OwrdqUlRm0Ci"
    "9mSdRrLWquTEQxKl5mwVpxc07/UIVkfXGEG6gksrbfaK/sjd0K5LAMjsgGZqwn9TBlCVIX"
    "bBbuiZA9nmRKeaJhzZytJeYIaSVn0eRcwH3gDwhquWsPyNBQgu565dLefO4jHXrHjRHBR/"
    "0CTafB5R6u7t+8Ie899Vb5nXhbVozL8roEuZvD+yKHxZvv+NdAirbQELaYBUw1ebBq7gMr"
    "IwY7oB2jCTEQN5CZ8s8PcO0Fm/z0/xMLGdROTj4CLrf5BP/Qb/738xomffx75TR6QaeR6M"
    "ZxfJWRFo5FW9Q+/uJZxAvPIo7byPTJkP+kFvRVp3f9mVnIY50o90gd4ZtGm5vMzjnECN91"
    "P3d7v3TrwMb3dLXPe+K8ZQsaGQYxkgWaPFVWBGvJUDBNIczd2tu3OdhLa6Xyl5eFGewudm"
    "voaWHKyggTWG9ze+9L3d+4C+1DUTKBkTQ73pMCE4qqAYV9SwGiA+LpDvxJMVskYYzHRXFD"
    "dT5tij+jZUwjeMbq2D9ZpBkb9LEBH1eaaWxuUyY4OEi+3zYG141mS4qN9BJ4e+c2c5hsDc"
    "zsZI6+zNl7A5uP3IqJg36dkuNMvC+vI9iR+91du1nAfLJtTT1hNOuMveetKOnvExtzQDTg"
    "b2J/Lv5ZUM0vw6XkgA0dXSOoRfBPzzanDvKMlx+18/HLgOCsjxyORZmJWb1xCZis7WARoe"
    "XaiWFxDOZQ11MVC59KaDjE2fdnp+Do+lPr+jMVh4bB4KfOm5wWqKNrnNfeXa60C/YjS58Y"
    "3DY6nbjqNkFIZctrkTEfpBF63N9C416ldj2YGGTOHV4KgcpMzMFeHQ2mj/f9tErzHA1S/p"
    "qMHYnmU/r2HiErc58XQsdcY1fPMIs8bpWguf8UaGovOfus9h4ZWiJp8HTLR8aDhh6lBCXe"
    "L8zU4zWvWqXKH7gqX22or3FDrZz7hyb1PM79PTwFVch8wWOui56DNq6H7Z9bdcBizx/QCL"
    "e6TXaoyYO7R/i6d/ul0xpyZHDoDS9+rlmh4A4VHRU6vWbDcA0ZB+kqCYss4QeiKUg20EJP"
    "RrZlxa7GaHcYxrp6slv5lhitSh4oU3RdXs8vGqcWGMfP3aPHvuOODhliFIsOK8M96rxW/s"
    "NMch78OOh1U1zQYbLoeqYpFvgv0LVcZ6s74veYWCdQOzGVGZrDgDXd55/Czg3Y534ARFeR"
    "4YrDBH+NqNbgOFlHtJWRdHJyMpK+bexhZe/K9rBGnamRhY41EPWw/kHGsoYnpKCvLUJW+d"
    "oEAH88PyleHfbDG6YlODl/JOO229JejuhnfZyRKS0a7kOs0b0D2EfAmesEGm4YMbHavW6d"
    "5vbQWfMiARPexE9wrwfWhHTnenANqlzrlWu9cq3vi5O1cq2/Rqnnca1bmqWjZM96CiTOI6"
    "jCUXKFo/B/C/DXqy8y9Eok/qKnBYvSpIo5fdED0tc9JUpqR2QZSD/eddu9fh38QV9EjBG+"
    "bTflTuvnVqcO5pr6Pf8IHjLHa5mI1RLjqCj4ITFppQMTI2QiC6eUk4NtwBCrWB5B/DlVqM"
    "mufA5hSFgJXof9XWbi7oYksOqGfCoXQykem1hC5DmSIYb60tzUldXnjTV4W5rZ50kcDolx"
    "23RnfYFLlgxcSnBneUXHWe6shVNJMKRolTJjw5QZCx0mqJX5jACPVmTdUrrpt1q0KQOhEf"
    "7S79XBwiBU/W98pYo/fFpHxX+fQ8N/n6rgv4/l9p8TGyd4kdKT3K4IhI7p0rCTVofhMOge"
    "B+j7LJPl4lFsw6CW4xIcDSxomHWW81ZHxcK9SgvX9zpTxOkQpNkhSPLrsL8tz/hWB7jlZt"
    "WV3S2E5TM1UhJwZnjSMlspRwwvu9Jv3/tDl74HTaVWwkaSyG6lcnTmEoWGHfgf5aFOYCH+"
    "J5DucBXazRJ0VsuzCNFa6Y60Wmwh0kzZQGzxTgQMZmI1o6RiQzUlCPjWCkx7vHoOnGmab5"
    "vdDYZThcsEizBV8fGq707tOT8VWq0PmtkTm4HGCw7rIJnYQ1ow9LHHuDXOfyOkFb5fnPPe"
    "+DF/Be5IX8L285g/F7ijgvG+wmMfsQSw6akPfT/o3nU6L5WfYHWwkeBwDh56pHucQycs4r"
    "icKwRlhaCsNtkKQVlJfS0E5QHmFBQWv6Rqk4mm0E9IOd54/ogv3ILIQpBajcG/6gBBcznC"
    "t61m++62DuZI1ez5CFM+NuuAfrEo6R/uNT0Fe5k8DVYEArvXpccZtIBmAYvqbeYxQCfTEz"
    "DNfY3llq9QrwJed5Bcroq7LDnuMg9kL5CNeX1olZ/2WYzlvGwUGoMiyoq7AWyCQGMNXcMK"
    "d5bXD8CdLwk+AM8pk27/M8+GYLZ/lv+vTMj3NoAI/u3GjLFAy6sK7fBu0MpF8HqMxcpF8B"
    "qlnsdFUMUAbvnKL7r8F+VxkEZgE1QkNusQT212T7hCVZsivI4RHh7Dz/Pw+zyd3edxPJ0p"
    "jyHGhREwIboKAlMAAkPZJtNNKDEbXPrgDlMd3sjeDljUlJ0Et8UHt0+3w8HtWStFwjRYI4"
    "BghV/Gu/TuKeUhBGOS04e4m4Gvs0vSTITwGnpplHYn6K8yjEfvUmTEboUGE/QI5hq2LSei"
    "73VhwvYrZEpioU9S0dkoetAU46OMnhYalesa0zCBfG9wmNICaipgX2CyPOdghozNQd17Nw"
    "lX4CCZmiZFAkPjhLuDk+8LmtxPAlCUuwmUFXvj4HEWxl6Yt1GyirGp41a2yD1KSs1woxP4"
    "3NANEEdYPGHU4mwEY5uqyBbguYs+cLAn+AeY2A5QYKPtoNm7u+q0wJd+67o9aLvpp1frPy"
    "8Ma8n9VqPzjDDW2KZTmtifrTooIZY2nExe307Nz3SorkXWvPAkiX5/RgAz+MAP8yX7itcn"
    "e7pgPhbxDnn1BfYL8QuEnQwAFqCio/awyUEDwOt8YZfRRR6P0UW6w+giah2xnsimhRZFeb"
    "8iElkALI0E66e75T1qtKu2BSAXwLq3CO9CIt4aEJZI+s0ZIaJ9uDeDTQ3W6e+ogBTaHWUG"
    "Sln3tnIDBudu8e0oQLY/u9DjDDnZWPgU4XuSMoN4ikq47Hzf9iTTXvALaUyWumKN+9fi5P"
    "szDtgQcDSSBVy6XwIMpMPl6xsH3jFrkT0ySLNDFy7CRR24BCOWaqnT6H68a3xsDV7IZRuD"
    "CufBs44NAlWFHZSoSNceWJ7hDcGtV16LTafB5bYk9dI415fI3inYcWwuPnnY6w3ZVCpGXT"
    "wuBVM+rs+kQHbJAxxJAWT5xslNXz20PMjWOfuShOh/j6U9jIaE/snDWL+tAxmBBTH4sSug"
    "EvD4SddEpWPzfc9s8JIqcYD6VV7YDfPCGiTtopPnQQ4erciAXCnsJlpHPy4/LPQQg6MlaA"
    "LWMfWYzg+IWdGY/SAGoP1E9MtVMF5y58RqUUE5r97YdTy1k3fRRLQbSbt96qIToxP5smFn"
    "fDPrkcmEdx1gYuXEmGzhrHxB35DB9Ywj3SRisY90FYhVjfmNgK5hZLKbaHjPgam50EheAM"
    "ZoQkqA/ZRxzluFZqVPhv0M0skTmuUrgAVzJEXoqoD6zIB6LeiI2TCivuQrWUSMqY+OrqJB"
    "9dsMhF6ZoQnGV9BETTe6PKM4n60lNXig73cmUKGmL8GC1WabudcMgOzQVCcK1AFbYD+Af2"
    "OqUNLl+N9AM/lew36zy9BUcHQ3vH5zEt1wtvWODaxBMe7sEsE2fOGQ7RmxE9w3A3YdRKoc"
    "PBqRL7YoKobz2rvLFePZjyxWD24bnU5cC3ZiLYpy06eq+BkxtOlSJP+H4IJ3uQaIhDa524"
    "1uA7BvdZMwtWyDLNAPV8igxsM6ro7LPICYy3RAzGUMEIMw40nRaM0AldDhbIKFarpbblH7"
    "LEC2XxCHlUrhQcQY/IVMXiH41o03XAvpEqXdmzFQxuzbO0lXbpj0veyw3DAFQDVxe/a55O"
    "resWpOn8K6N+q+qH2U15tQ7ELdDZ0Dq8P/RPdAEBqQ5SAIgxGe9xH8wnZGCKYGVJEKvNhI"
    "oJA5MgH7NDAhBnDaBUc3g/4A0CFhUTueIczYi8CCWvkeYYKHYCtvqE6LxTotVu0ES+qZsB"
    "47aVkReLtxQNSaxfxWtPOhYcscV69PueTztKhTYkUksk9C8tehOjgD1CA1MJXqMai5Ij8G"
    "5ww37T4vdDRahv8iObbnOcYnhvYIdfbM2X5koDceZ4HX6x2zF441ak4npE3POG0OUQl9zF"
    "yGgVTG0XFWfvoMRmcmpReL086I9jsMzr4/O914pyiD99y6p/xJvAszeyWJkAq9kDN+r2IC"
    "i90xXcZK4rAKJZ/g5nC/+KT7oyi9SveLI6gioLAAxe5m0JnQBkY8vU9BdEmEbLvgElHmyr"
    "M3b4l2OP6yWJJXeLOhYBIozf+WtGKUwNXg9YQH6diMLJNioaRYkqsGhvrS1Mw+UkiaSzSh"
    "3nG2c5RRyJCTiBavUl0qWfalkuSBMkXXZVNxgdJFLJwYsfA2zs4tGzad9ISzxvR0Jj7FRr"
    "lMdsXVMbFOoHZiKjM0h9EFhyXz8rKSCJjaRNORfE/5ERdPvgiuUANCQ52+NG/qYKFORrjZ"
    "u/5aB1QYTyM8/Dqky9rTWlfPlZypli6uWOF8iivdWVCnEJ3YiempAqE7EVwTzTAt8L/zU7"
    "BgMaGAHbxvPEVKBEJVIIn0SXBYIInq6sfq6kdh7a8Nr37cpv3VQIamzKQEi8stOc6ysaBf"
    "RxjTqgJ3bAjuYBkuEx0r6VD5AInI2mN+Fm//jhc2qQpw2K1+gNw9Oz3Nk1fh9DQ9sQIriy"
    "h+BFtuEqK85mqAZB/s1TJ2/9KM0Y0gqptuZt/+D5Kuyus="
)
