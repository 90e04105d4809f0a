"""Bibob: refusal, withdrawal or conditions after an integrity screening of a permit (Wet Bibob art. 3). The SPEC
is assembled in power.py."""

from app.powers.bibob.power import SPEC

__all__ = ["SPEC"]
