#!/usr/bin/env python3
"""Prints a new API key in the platform's format (see platform-contract's ApiKeyFormat) and its SHA-256."""
import hashlib
import secrets
import zlib

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

random_part = "".join(secrets.choice(BASE62) for _ in range(40))
crc = zlib.crc32(random_part.encode("ascii"))
checksum = ""
for _ in range(6):
    checksum = BASE62[crc % 62] + checksum
    crc //= 62
key = "ssop_" + random_part + checksum
print(key, hashlib.sha256(key.encode("ascii")).hexdigest())
