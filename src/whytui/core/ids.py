"""Identifiers for why nodes and action items.

Ids are random rather than sequential: two facilitators adding nodes on two git branches must
never mint the same id (the failure adr-tools users hit with numbered records). Sixty random
bits make a collision across branches vanishingly unlikely, and `new_id` also refuses any id
already taken in the session it is minting for.
"""

import secrets
from collections.abc import Container

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32: no i, l, o, u to misread
_LENGTH = 12  # 12 x 5 bits = 60 random bits

ROOT_ID = "root"
"""The id a top-level why names as its parent: the problem statement."""


def new_id(prefix: str, taken: Container[str] = ()) -> str:
    """Mint an id such as ``w-7k2m9x4q1pzt`` that is not in `taken`."""
    while True:
        candidate = prefix + "-" + "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))
        if candidate not in taken:
            return candidate
