"""A saved form's confirmation, shown in the section of the page that was saved and given focus.

Why: after a redirect the browser scrolls to the section's anchor, but focus stays on BODY and the flashed
message sat at the top of the page, out of sight. `confirm` flashes the message for one anchor; the section's
template places it (cases/_confirmation.html) where a screen reader and the eye are.
"""

from __future__ import annotations

from flask import flash, redirect, url_for
from werkzeug.wrappers import Response

IN_PLACE = "ok@"  # flash category prefix: "ok@<anchor>"
ANCHOR = "bevestiging"  # the confirmation's id


def confirm(message: str, anchor: str) -> None:
    """Flash a success message for the section with this anchor."""
    flash(message, IN_PLACE + anchor)


def back_to_case(zaak_id: int, message: str, anchor: str) -> Response:
    """Confirm and return to the case page at the saved section (the confirmation there takes focus)."""
    confirm(message, anchor)
    return redirect(url_for("cases.show", zaak_id=zaak_id, _anchor=ANCHOR))
