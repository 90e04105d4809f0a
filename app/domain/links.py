"""Links to the law as it stood on a date (pure)."""

from __future__ import annotations

import re
from datetime import date


def wettekst_op(href: str, peildatum: date) -> str:
    """The wetten.overheid.nl link opened on the peildatum: the rule file's g= and z= dates are the
    consolidation the rule was written against; the reader needs the text as it stood on the peildatum."""
    day = peildatum.isoformat()
    return re.sub(r"([?&][gz]=)\d{4}-\d{2}-\d{2}", lambda m: m.group(1) + day, href)
