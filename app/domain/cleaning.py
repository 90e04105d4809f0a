"""Text cleaning at the form layer: the stored case, the letter and the audit trail hold the same text.

Text pasted from PDFs and mail clients carries control characters that Word XML rejects or silently
drops, so a letter would differ from the stored case. `clean_text` removes them before storage.

Kept: tab and LF, because docxtpl turns them into a tab and a line break (multi-line addresses).
Removed:
- C0 controls other than tab, LF and CR (CR becomes LF); this includes docxtpl's `\\a` (new paragraph)
  and `\\f` (page break), which a user must not be able to inject;
- DEL (U+007F) and the C1 controls (U+0080-U+009F): XML 1.0 allows them but discourages them (§2.2),
  they are invisible, and Word drops them or shows a box. In pasted text they are almost always
  mis-decoded Windows-1252 bytes, which no reader can use either;
- the noncharacters U+FFFE and U+FFFF, which XML forbids;
- lone surrogates, which cannot be encoded at all. A high and low surrogate that form a pair are
  joined into the one character they encode instead.
The result is NFC, so that "é" typed and "é" pasted compare, search and index alike.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(s: str) -> str:
    """Remove control characters and lone surrogates, turn CRLF and CR into LF, and normalise to NFC."""
    # Order matters for idempotence: removal can bring combining marks together, so NFC comes last.
    text = _FORBIDDEN.sub("", _join_surrogates(s))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _join_surrogates(s: str) -> str:
    """Join surrogate pairs into their character and drop lone surrogates."""
    if not _SURROGATE.search(s):
        return s
    # Through UTF-16: a valid pair decodes to one character, a lone surrogate is an error and ignored.
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
