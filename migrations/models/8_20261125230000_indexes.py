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
    "eJztXXtz4rYW/yoa/5XOpDsJ7COX9naGAOmyyyMF0u7tsuMRWCRqbJnaJgnTu/ezX0nG+O"
    "3YYIggmulsg6Ujy7+jx3np6B/FMDWk22/qmoFJfepgkyg18I9CoIHoH0nFp0CB87lfyB44"
    "cKLz+pBVVCGvyUvgxHYs+psWzqBuI/pIQ/bUwvPVu5Q+QYCTgalpGJBopwDa4BY/IALoL/"
    "YDOwARDWng5B7NHfB4R4sWNrJsAC0EaCeQg7Qf3rD3aeaUvhCT2/KbXhD89wKpjnmLnDtk"
    "0Rd8/UYfY0r+hGzv5/xenWGkayEYscYa4M9VZznnz9rEueIVWa8n6tTUFwbxK8+Xzp1J1r"
    "UxcdjTW0SQBWmX6DPHWjA4yULXV/B7CLs99au4XQzQaGgGFzpjCqN2O+A/U1S11x+pw9ZI"
    "VZUYwzyKANCrR1PKc8ps2lWbf/0t68KPlfO3H95eVN+/vaBVeDfXTz58d1/tA+MScnh6I+"
    "U7L4cOdGtwjH1Q3bGWBO0lvk1FN0j1PMYeolkgew9KRVkZ0aF3a0EDYA2YM0BHnDuUo4M8"
    "E/t/VSrV6ofKWfX9xbu3Hz68uzhbMyFelMWNy/avjCG0gklnszvXPQ75HFnNsjhDGnfQSm"
    "ZHgCTCDfo55XDDX3f2MegN+KTqiNw6d/RntZKB6e/1QeNjfXBSrfwQBra3KqnwojDE0Lpd"
    "GIi9LAbyCD2ljfkg0f5gVpQdgZwB6qj1hQ9Tw7b/1oNgnnTrXzjOxnJV0un3fvWqB8BvdP"
    "qXEdAtZLP+F0Dcp5BwF4bbvE9Y0k1TR5Ako+0SRJCeUIpdQe0t8AXW8yvWiCtfWGhGRQy6"
    "rFu0aawjLd+anrU89/udEBsu21Gcb7qXrcHJOecJrYSdtDXcQgwsFSaM9yYtcbCBUpbyEG"
    "WEG9qK9I33xyGu7fQDtT7Rl6sRkDUv2t3WcFTvXoe40qyPWqykEpoY3tOT95F9YN0I+KM9"
    "+gjYT/Bnv9fi8Jq2c2vxN/r1Rn8qrE9w4ZgqMR9VqAWkEe+ph9p3Jq3O7gOiFXswgdP7R2"
    "hpaqzErJhpdeNFRsWIPoEE3nKeMXBZN1e6xaVlQm0KbUdJUDz8wky1Y+JVy6dzpHNcyvhS"
    "xt/fypMq5NN9wgSPlukgqqCKLPE7VAIqIhd59UWW9X2ufBx1O1vvzTsRkWwHOosEHYApWi"
    "2yMDj6bdpFSKYoxgWfeo/SqWbBmVNQRFWag/rVqAY47ZgMW71mu/drDdiIaJQdY9Kk2yEt"
    "Ngkak0a912h1Oq1mDUzZZ+u5Jauw0nb+PofSdh7drH2ljRWFuTW3TLZX2+r0DjqFV7Mk6o"
    "1WtdXGIIw49SIr1hpNg/5DJZLN2RFuQHJkY6uR1DheicYR2cGszbgepiyB64LNwgNhsodJ"
    "JpdnmGD7biM2R0gln0XjcwH7gT8gqOqOH5CFUYLwermivfo8QDr0nI0RxkcNA023weUBru"
    "7fvSHvPfVW+b2YW9bAZZldgujmML+oYfbmc/5aaIrnGBGHqcBUkgfr5n5iZabF3LMTNDMt"
    "xDVkJvxz9+1iziY//XvmIIsqyskO4HKbTzAQffW/n9ew6eNv0mr0glajA9SO565GW1Q/vv"
    "Y04rmnEcd1ZPpkxH9SDfqy0298ZhryRDen90gbk6t6m6vMridiTG56n3v9P3o1sCD3dLXP"
    "62/esQaNLMu0khmaPFXWBBvxUDBJIYxu5d27HPDSWqn48rIwwKvFbgM5LUwplTCB5bZV73"
    "2u+xt3oX0oSiZwHM2e96TAhKJiQGHbUoDoiDDdgz0pposkjPE4K66ozIdvyWe0jEkEz2gd"
    "h8eLNGWDPrbg41oyjc1tCoIbBcn32/qwUW+2lNhILwHbm1UzxwlrYGYnI/oyzvc6sR+5Fh"
    "MP+XVLTjOjfXkdwXzuNzftZgH1abHA2htGs8nYe16LUn6eLQgPhwb8Teyft78UFPPLMCm5"
    "oYaurBGUIvinZ6tTR+nk5b52Pn5ZGDjrIw/IomASVm9SQlTWbmIRobPSE8PsGBpQ11MFC5"
    "9K6HiI8x/Pz8BJ42Or8ZmyAxMw/K3zQ04N1JU1qpUP79fSBfuRJU8Mu/VOJy66zRDS2PJa"
    "ZMwHaYQe911o3WtUrwczyzS4wWtqwumdmINdugbTx/thaqV5XIMUX5vBkag+pW/vEbIy93"
    "khZMwNdvUMtchDqwTJ/bdAUweJ7LPSe2RoiSTB0y0fWQ8YPSoJQrxfmCnHY6+aFOWPXJSX"
    "G+pr3FClcf/YuJ7HuK8tLJi8w6e7zYI0e/R+np3V+H9F3Z8fP9a63dpwKIaT8kX0RsFclT"
    "IQ/tnBPjWNOU8rUHS01xuj9u+tGmDpFR7QmLR6Tea55/kLxqTR7153WiMe/h56w4vPCxnq"
    "eawhgKEQDTYMN+BxkE5yWGQOP5h4ilQLzfXk8M2sI9ox2j2e1l4/2S9/SzyUbT5QUHRd3c"
    "z4H6cW+LAK9wGc+tZpOmRMq9gZyDJ8AO5r1b/sJPn507DfS/GzhMmi6xmeOuC/QMe5AggO"
    "ZyVjeGRLdlEhLrI6sQaikt1f5kTFZGYWtAJHyKQVWICwpOdH8quLSvKGaQnm90/mpL1q6S"
    "BH9LPW98iUFi0iSazRvYeApICbwT0Cu+VZnrWXous2d4BmxBc5yuNN/ATHT2BNSHf7BNcg"
    "6fSRTh/p9DkU8790+rxGrudx+jjY0VERj8+a4Bi8D3s4KMX/XwBfr77IQYEi4Yue5uz8MB"
    "XM6YsekL6payepHZF5oHy66bX7gxr4i77ItMak226qndbvrU4NGFj7kX8EP8zJa9mI1RLD"
    "vxP8kBi30l2fETKRmSOs+1OeMhPEniMPQe3L5hAOVizB6nC4y0zc3JAURr0lTuVG94oHE0"
    "vVbSAVEqgv7W1NWQPeWJ23he0BTy9yTMDt0px1DZcsSb2SYM7yik6zzFlzt5JgMcwymcuW"
    "yVzmOkwJYXxeCfBoRZYtlatBq0WbshAak+tBvwbmlknF//oXKvjDp01E/IscEv5FqoB/Eb"
    "tzwjAXJMGKlJ5/eU0g9GlDTNyETyx4gu5xgL7PsVmWqOnCsqjmuAQnQwdado2lY9ZRsYOI"
    "pSWS8DpTxOgQpNljZOOX0WBXlvGdDnBnlfBZXW0hLNOulZIaNsOSltlKOWx42ZV+99Yfuv"
    "Q9YI1qCVtxIrsVaejMxQpM3Jg9iqFuwkL4J5AewTU4ETNaJc8iRGulG9IqsYUI26qF2OKd"
    "GOWXGWAZJRU7vlKBgG+twF5M1s+BO03zbbP7CbzU4DJBI0wVfLzq+xN7qmdCi/VBNXu2YJ"
    "HeBYd1kEzsIS1YyLAH3Ab+3wipDMoXx98bd/PL4I70Jeww3fy5gjuk30f6fV6cA3vw++zS"
    "4Lz2bCRYnINej3STc8jFIo7NWYZQyhBKucvKEErJ9Y1CKI8w3aWwAUwans3wlH5Cin/jeR"
    "9fuAWRmaC06sP/1ACC9nJMuq1m+6ZbAwbS8MIYE4pjswboFwuStEEev9xDEj55CrDkU4B5"
    "AsgCWas3D/Tx02OLsbaIHdrD1dsELctTe9M1LKY6CqZdZZlYyrSu7MLX699tzIAFOO9ms8"
    "eLQaUS9nrEcamEvUau51HC5DGrHd/3RZf/ohgHaWQQTS6YdUhuF+yS8CkVbYpgHSM8PsCr"
    "efCupsNdjYcs2eoEElI4yCBEJ6MMCkQZUNhUugklZslKH9xhquMb2buJx7NVN/Fn8cHt0+"
    "1xcHvaSpFIeNYIMMmU38S79C4p5VHaEzNnErj9DHyd3ZBmI0Q2kEujtAcTYONJ1ACxO6HB"
    "DD0CA5OF456ael1xN4d1LEVhx0uUotNR9IMpDEcVPc0x5esG8zCB/HCm4hxiDbAvsFkCaH"
    "CHrO0DZw9uEq7jL1SqmxQ5fBcn3F/I7qFE7PoHrYuim0Ap4Y0H6LKjwoWxjZJJYFPHreqY"
    "9yjp+PuVbsLnhm6AOALxjFGLsxFMFlRGdgDPD/MT6N10OuDfYEbb2Xo7aPZvLjstcD1oNd"
    "rD9irF73r954VhMXnQqneeYcYG23RKE4ezVQc5xC4bNWevY6eOOb7zeGf9+6c1pFOt1UrO"
    "NV/AVbu+tLvpNrg8QItwrkwWL5EZRTA7TC6cvEiCLWEqNeJCPJSC6TQ2BymQueNYQNploE"
    "QsFXJC0ERSuuQcdzuqwWTN4kRTyPwoW+ZHscy0hJ/PG6I8WpG9pkr4OvBNzE7lR0ceY4yw"
    "QkVT1jHtlM4PSFjRhP0wLUD7ieiXa2Cy5Mb49aKCcqag3HdYsZt/wEa0G1qRA9wxOpFvyn"
    "HHN0tYw3jCuw6I6eS0A+7AnjGnb8hAPUPtTiIWW+2eQqJhpmsCHRNks4ysvOfAxiv/FS8A"
    "EzQzSzDNlqGLy/i59MlwmJFUeeLnfAGw4FHBCJ0M5c8M5cdBpXnLWP6SU5OKGM0fHV0inQ"
    "tOTOKZoIilJftMV8YSco2Ko4nJU8Nlnxr2Ll60pysRIAx4vlsb18RC51JktzYWkjvLuaTR"
    "Zp2LAZt1P6NHsdXVjPtCdWI6byB+Y0/vkAGjCw5zJXg3L4p3feMM60i9p3hsapsINSC03n"
    "zdvKqBuTYbk2a/8aUGKDOexmT0ZUSXtae8V5fuNL+lRZdS6BSOiw3RiR0XSwUI3bVNzLBl"
    "O+B/1TMwZ9ZOwCT7radIiZGDUgtLnwTHq4XJ49TyOLVQCtiWx6l3qX9dms7QgU6i82tddp"
    "qlZ1G5SbXX1UrVsL4qnkxyj5bKN+n6ekHXV7p4mYzrQUiTFEOq+dncr177mX3qL8wFw3Oo"
    "MSQ2kSerlTxHrSrpR60qUZGSDf4iyCPhs7NseNZnJ3mgH6C+SDAYpOu1a4JDUGvLEBJ2or"
    "PKo+bpg/4wRfOE2MR1DE/O0MRdSjp1ZOHpXZKcsyrJlHKgX0cYI7KUabaUadjen3iRZvrm"
    "GiA5wg12J4dp2aQqgPCq+hGie352lkd8OTtLF19YWcTEZRIHJd0YlS7ABEikCFNQhHnRze"
    "z7/wFWURLz"
)
