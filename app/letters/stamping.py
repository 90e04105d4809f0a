"""Deterministic .docx packages: every zip member stamped with one fixed date.

zipfile stamps members with the current time, so two renders of the same letter would differ in bytes,
and an approval bound to a SHA-256 could not be checked by rendering again. python-docx writes plain zips
(no zip64, no comment), so the fixed-size header fields can be patched in place, which avoids
decompressing and compressing the package a second time (that cost about 10 ms per letter).
"""

from __future__ import annotations

import struct
from datetime import date

_LOCAL, _CENTRAL, _END = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"  # zip header signatures


def fixed_zip(data: bytes, when: date) -> bytes:
    """Stamp every member of a zip with `when` at midnight, patching the headers in place.

    The host system byte and file attributes are fixed too, because zipfile's defaults for them depend on
    the platform.

    Raises:
        ValueError: `data` is not a plain (non-zip64) zip as python-docx writes it.
    """
    out = bytearray(data)
    stamp = struct.pack("<HH", 0, (when.year - 1980) << 9 | when.month << 5 | when.day)
    end = out.rfind(_END)
    if end < 0:
        raise ValueError("geen zip-bestand")
    count, _, start = struct.unpack_from("<HII", out, end + 10)
    pos = start
    for _ in range(count):
        pos = _stamp_entry(out, pos, stamp)
    return bytes(out)


def _stamp_entry(out: bytearray, pos: int, stamp: bytes) -> int:
    """Patch one central directory entry and its local header; return the next entry's offset."""
    if out[pos:pos + 4] != _CENTRAL:
        raise ValueError("onverwachte zip-structuur")
    out[pos + 5] = 3  # version made by: host system Unix
    out[pos + 12:pos + 16] = stamp
    out[pos + 38:pos + 42] = struct.pack("<I", 0o600 << 16)
    local = struct.unpack_from("<I", out, pos + 42)[0]
    if out[local:local + 4] != _LOCAL:
        raise ValueError("onverwachte zip-structuur")
    out[local + 10:local + 14] = stamp
    name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, pos + 28)
    return pos + 46 + name_len + extra_len + comment_len
