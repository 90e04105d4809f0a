"""The landlord's own letter when the user is addressed (Gemeentewet 151d; woonoverlast-151d.md §6 item 10): a
notice, not a besluit to him, with only what he needs. The dwelling, that an order or ban was given to the user,
its period and legal basis, and the instructions that concern the dwelling; never the incidents, the user's
vulnerability or care, the amounts or the zienswijze (GDPR art. 5(1)(c), 9). No remedy clause."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.powers.woonoverlast import phrases as P
from app.powers.woonoverlast import words as W
from app.powers.woonoverlast.phrases import GEMW

# What the landlord's own letter is about (he is informed, not addressed).
ONDERWERP_VERHUURDER = "Bericht over woonoverlast in uw verhuurde woning, {straat}"

# The landlord's copy: why he receives it, and what was given to his tenant.
VERHUURDER_WAAROM = ("U krijgt deze brief als verhuurder van de woning aan {woning}. U bent zelf niet de "
                     "geadresseerde van {stuk}.")
VERHUURDER_INHOUD = {
    "waarschuwing": "Ik heb {gebruiker} gewaarschuwd voor ernstige en herhaaldelijke overlast vanuit de woning.",
    "voornemen_last": "Ik ben van plan {gebruiker} een gedragsaanwijzing met dwangsom te geven.",
    "voornemen_bestuursdwang": "Ik ben van plan {gebruiker} een gedragsaanwijzing met bestuursdwang te geven.",
    "last_onder_dwangsom": "Ik heb {gebruiker} een gedragsaanwijzing gegeven, met een dwangsom.",
    "last_onder_bestuursdwang": "Ik heb {gebruiker} een gedragsaanwijzing gegeven, met bestuursdwang.",
    "aanwezigheidsverbod": "Ik heb {gebruiker} verboden tijdelijk in of bij de woning te zijn.",
    "verlenging_aanwezigheidsverbod": "Ik heb het verbod voor {gebruiker} om in of bij de woning te zijn verlengd.",
}
VERHUURDER_PERIODE = {
    "last": "De aanwijzingen gelden van {van} tot en met {tot}.",
    "voornemen": "Als ik de gedragsaanwijzing geef, geldt die {looptijd}.",
    "aanwezigheidsverbod": "Het verbod geldt van {ban_van} tot {ban_tot}.",
    "verlenging_aanwezigheidsverbod": "Het verbod loopt nu tot {ban_tot}.",
}
VERHUURDER_GRONDSLAG = "De grondslag is artikel 151d van " + GEMW + " en {artikel} van de APV."
VERHUURDER_PRIVACY = ("Wat er precies is gebeurd en welke persoonlijke omstandigheden ik heb gewogen, staat niet in "
                      "deze brief. Dat gaat alleen {gebruiker} aan.")
VERHUURDER_AANWIJZINGEN_LEAD = ("Deze aanwijzingen aan {gebruiker} gaan over de woning en het gebruik ervan. "
                                "Met \"u\" is daarin {gebruiker} bedoeld:")
VERHUURDER_GEEN_AANWIJZINGEN = "Geen van de aanwijzingen gaat over de woning zelf. Daarom staan ze niet in deze brief."
VERHUURDER_OVERIG = "De andere aanwijzingen gaan alleen over {gebruiker} persoonlijk. Die staan niet in deze brief."
VERHUURDER_VERZOEK = [
    "Als verhuurder kunt u ook iets doen tegen de overlast. Bijvoorbeeld de huurder aanspreken op de huurregels.",
    "Wilt u mij laten weten wat u al heeft gedaan of nog gaat doen? Dat helpt mij bij mijn afweging.",
    "U kunt dan contact opnemen met de persoon onder 'Heeft u vragen?'.",
]
VERHUURDER_VERZOEK_LAST = [
    "Als verhuurder kunt u ook iets doen tegen de overlast. Bijvoorbeeld de huurder aanspreken op de huurregels.",
    "Hoort of ziet u dat de overlast doorgaat? Laat het mij dan weten.",
    "U kunt dan contact opnemen met de persoon onder 'Heeft u vragen?'.",
]
VERHUURDER_VERBOD = ["Tijdens het verbod mag {gebruiker} niet in of bij de woning zijn. Ook niet met uw toestemming.",
                     "Ik vraag u daarom {gebruiker} in die periode niet binnen te laten en geen sleutel te geven."]

# Words that mark an instruction as personal (care, treatment): not shared with the landlord.
PERSOONLIJK = ("hulp", "zorg", "behandel", "begeleid", "therap", "medicatie", "medicijn", "ggz", "verslav",
               "psychi", "arts", "afspraken met")


def personal(text: str) -> bool:
    """An instruction about the person's care or treatment, not about the dwelling (kept from the landlord)."""
    low = str(text).casefold()
    return any(word in low for word in PERSOONLIJK)


def _filled(lines: list[str] | tuple[str, ...], words: Mapping[str, str]) -> list[str]:
    return [line.format_map(words) for line in lines]


def _kennisgeving(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The landlord's notice: the period of what was given to his tenant, its legal basis, what stays private."""
    period = VERHUURDER_PERIODE.get(letter.outcome) or VERHUURDER_PERIODE.get(W.stage(letter.outcome))
    return _filled([*([period] if period else []), VERHUURDER_GRONDSLAG, VERHUURDER_PRIVACY], words)


def _aanwijzingen_woning(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """Only the instructions about the dwelling and its use; one about care or treatment stays with the user."""
    shared = [i for i in W.instructions(letter) if not personal(i["text"])]
    if not shared:
        return [VERHUURDER_GEEN_AANWIJZINGEN]
    lines = [VERHUURDER_AANWIJZINGEN_LEAD.format_map(words)]
    lines += [P.AANWIJZING.format(code=i.get("code", ""), tekst=" ".join(str(i["text"]).split())) for i in shared]
    if len(shared) < len(W.instructions(letter)):
        lines.append(VERHUURDER_OVERIG.format_map(words))
    return lines


def _verzoek(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    if letter.outcome in W.BANS:
        return _filled(VERHUURDER_VERBOD, words)
    later = letter.outcome in ("last_onder_dwangsom", "last_onder_bestuursdwang")
    return list(VERHUURDER_VERZOEK_LAST if later else VERHUURDER_VERZOEK)


Part = Callable[[LetterInput, Mapping[str, str], Mapping[str, Clause]], Any]
NOTICE: dict[str, Part] = {
    "inleiding": lambda lt, w, _: _filled([VERHUURDER_WAAROM, VERHUURDER_INHOUD[lt.outcome]], w),
    "kennisgeving": lambda lt, w, _: _kennisgeving(lt, w),
    "aanwijzingen": lambda lt, w, _: _aanwijzingen_woning(lt, w), "verzoek": lambda lt, w, _: _verzoek(lt, w),
}
