"""The salutation of a letter (pure): the addressee's name when it is known, a neutral one otherwise.

Gender is not recorded, so a letter never guesses "heer" or "mevrouw": a person is addressed by the name
as recorded ("Geachte J. de Vries,"). An organisation, or a person whose name is not known, gets
"Geachte heer, mevrouw,". The name is printed as stored (only outer spaces trimmed); render.py escapes it.
"""

from __future__ import annotations

import re

from app.letters import phrases as P

NEUTRAAL = P.AANHEF
# Placeholders an intake form may hold for a name nobody knows ("N.N.", "onbekend", "?"), compared on
# their letters only.
ONBEKEND = frozenset({"", "onbekend", "nn", "naamonbekend", "unknown"})
# A company may be recorded as an owner or landlord without the organisation flag (only a housing
# corporation sets it): a Dutch legal form in the name still marks it as an organisation.
_RECHTSVORM = re.compile(
    r"(stichting|vereniging|co[oö]peratie|\bmaatschap\b|\b(b\.?v|n\.?v|v\.?o\.?f|c\.?v)\.?$)", re.IGNORECASE)


def aanhef(naam: str, *, is_organisatie: bool) -> str:
    """"Geachte J. de Vries," for a person with a known name; "Geachte heer, mevrouw," otherwise."""
    naam = (naam or "").strip()
    if is_organisatie or _onbekend(naam) or _RECHTSVORM.search(naam):
        return NEUTRAAL
    return P.AANHEF_NAAM.format(naam=naam)


def _onbekend(naam: str) -> bool:
    return re.sub(r"[\W_]", "", naam).casefold() in ONBEKEND
