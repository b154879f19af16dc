"""From a resume phrase to a lookup value and a key, and sealing answers with that key.

scrypt (N=2^15, r=8, p=1: about 32 MiB and a tenth of a second) stretches the
phrase into 64 bytes: the first half is the lookup value the database indexes,
the second half the AES-256-GCM key. The salt is fixed because the record must be
found from the phrase alone; with ~90 bits in the phrase that costs nothing in
safety. The server never keeps the phrase or the key, so a copy of the database
(or an order to the operator) yields only ciphertext.

The plaintext is padded to a multiple of 1 KiB so the size of a record does not
tell how many questions were answered.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

FORMAT = b"\x01"
SALT = b"exile-navigator/resume-phrase/v1"
AAD = b"exile-navigator/saved-answers/v1"
PAD_TO = 1024


@dataclass(frozen=True)
class PhraseKeys:
    lookup: str  # hex, stored in the database
    key: bytes  # never stored


def derive(phrase: str) -> PhraseKeys:
    material = Scrypt(salt=SALT, length=64, n=2**15, r=8, p=1).derive(phrase.encode())
    return PhraseKeys(lookup=material[:32].hex(), key=material[32:])


def seal(keys: PhraseKeys, payload: dict[str, Any]) -> bytes:
    plain = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    plain += b" " * (-len(plain) % PAD_TO)  # JSON ignores trailing spaces
    nonce = os.urandom(12)
    return FORMAT + nonce + AESGCM(keys.key).encrypt(nonce, plain, AAD + keys.lookup.encode())


class UnsealError(ValueError):
    """The record does not belong to this phrase or was altered."""


def unseal(keys: PhraseKeys, blob: bytes) -> dict[str, Any]:
    if blob[:1] != FORMAT:
        raise UnsealError("unknown format")
    nonce, sealed = blob[1:13], blob[13:]
    try:
        plain = AESGCM(keys.key).decrypt(nonce, sealed, AAD + keys.lookup.encode())
    except InvalidTag as exc:
        raise UnsealError("wrong key or altered record") from exc
    return json.loads(plain)
