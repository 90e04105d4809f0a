"""What one letter is built from: filled by the services from the zaak, the beslissing and the recipient.

Plain data, shared by every power's letter kit; the kit decides which of it a letter prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.domain.assessment import Assessment


@dataclass(frozen=True)
class Recipient:
    """The addressee. `adresregels` are the NEN 5825 address lines without the name."""

    naam: str
    rol: str  # a role of the power's index.yaml (bewoner, rechthebbende, uithuisgeplaatste, ...)
    adresregels: tuple[str, ...]
    aanhef: str | None = None  # from BRP adressering; when absent, salutation.aanhef writes one
    id: int | None = None  # the betrokkene: tells "your zienswijze" from another party's
    is_organisatie: bool = False  # an organisation is greeted neutrally, a person by name
    # The case-file entry this recipient is (Betrokkene.ref, e.g. "third_parties.0"): a kit writes his letter from
    # his own entry only. None: the role says enough.
    ref: str | None = None


@dataclass(frozen=True)
class Party:
    """Another betrokkene of the case, as a letter may name it (copies, protected persons)."""

    naam: str
    rol: str
    geboortedatum: date | None = None


@dataclass(frozen=True)
class LetterInput:
    """Everything one letter needs.

    `deadlines` holds the beslissing's dates and moments by name: every period of the outcome (e.g.
    zienswijze_tot, begunstigingstermijn_tot) plus ingangsdatum, vervaldatum, ingang_at, einde_at and
    uiterlijke_reactiedatum where they apply. `judgements` maps a code to {outcome, reasoning, recorded_by}.
    `zienswijze` is None, {ontvangen, zienswijzen: [{betrokkene_id, naam, rol, wijze, ontvangen_op,
    samenvatting, reactie}], reactie} or {uitzondering: Awb 4:11 code, reasoning}. `judgements` holds only
    the judgements that belong to this outcome (index.yaml `required_for`).
    `case_file` is the power's stored case file (docs/contracts.md).
    """

    power: str
    outcome: str
    kenmerk: str
    verzenddatum: date
    recipient: Recipient
    zaak_adresregels: tuple[str, ...]
    melding_bron: str  # e.g. "bestuurlijke rapportage van de politie"
    melding_kenmerk: str
    melding_datum: date
    pleegdatum: date
    assessment: Assessment
    judgements: Mapping[str, Any]
    ondertekening: tuple[str, ...]
    behandeld_door: str
    # Who decides: {naam, hoedanigheid (a capacity of domain/procedure.py), mandaatbesluit, functie}.
    beslisser: Mapping[str, str] = field(default_factory=dict)
    # The body that decides and writes (procedure.body_of: the zaak's settled body), and its municipality: the
    # letterhead, the signature and the remedy clause name it.
    orgaan: str = "burgemeester"
    gemeente: str = "Maastricht"
    case_file: Mapping[str, Any] = field(default_factory=dict)
    zienswijze: Mapping[str, Any] | None = None
    duur: int | None = None
    deadlines: Mapping[str, date | datetime | None] = field(default_factory=dict)
    parties: tuple[Party, ...] = ()
    afwijking_beleid: str | None = None
    # The decision on a bezwaar (letters/objection.py): the contested besluit, the bezwaar as recorded and the
    # decision with a response per ground; None for every other letter.
    bezwaar: Mapping[str, Any] | None = None
    # What the beslissing imposes as drafted: duur, object, and for a last onder dwangsom its `dwangsom`
    # ({bedrag, maximum}) or for an invorderingsbeschikking its `invordering` (app/domain/forfeiture.py).
    maatregel: Mapping[str, Any] = field(default_factory=dict)

    def party(self, rol: str) -> Party | None:
        """The first other betrokkene with this role."""
        return next((p for p in self.parties if p.rol == rol), None)
