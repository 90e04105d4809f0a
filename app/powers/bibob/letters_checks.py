"""What a Bibob letter cannot be written without (pure): every problem at once, by field.

The guards follow bibob.md §8: the body that signs is the body that decides (pitfall 12), an advice older than
five years is not reused (3), an advice that was asked is awaited, a refusal or withdrawal rests on serious danger,
art. 4 or a breach of conditions, a named derde's letter finds his own part, and a besluit after the art. 33
hearing answers every zienswijze (legal-review-damocles.md item 3). Awb 4:5 needs a period to complete the
application that has passed, and the decision within four weeks after it (lid 4). The guards on the reasons
themselves (confirmed basis and policy, danger, criteria, facts, names) are in letters_guard.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.procedure import BODIES
from app.letters.input import LetterInput
from app.powers.bibob import letters_reasons as R
from app.powers.bibob import phrases as P
from app.powers.bibob import words as W
from app.powers.bibob.letters_derde import unanswered
from app.powers.bibob.letters_guard import reason_errors

AWB_4_5_WEEKS = 4  # Awb 4:5 lid 4: the decision not to process follows within four weeks after the period
SIGNED_AS = {"college": "burgemeester en wethouders", "burgemeester": "de burgemeester"}


def errors(letter: LetterInput) -> dict[str, str]:
    found = {**_body_errors(letter), **_date_errors(letter)}
    if not W.text(W.case(letter, "betrokkene").get("name")):
        found["betrokkene.name"] = "De naam van de aanvrager ontbreekt."
    if letter.outcome == "buiten_behandeling":
        return {**found, **_incomplete_errors(letter)}
    if letter.outcome in (*W.VOORNEMENS, *W.HEARD):
        found.update(_advice_errors(letter))
    if letter.outcome in W.NEGATIVE and not any(g in W.SERIOUS for g in W.grounds(letter)):
        found["mate_van_gevaar"] = ("Weigeren of intrekken kan alleen bij ernstig gevaar (artikel 3, eerste of zesde "
                                    "lid), bij weigering van gegevens (artikel 4) of na overtreding van voorschriften.")
    if letter.outcome in W.WITHDRAWAL and not W.case(letter, "existing_permit"):
        found["existing_permit"] = "Vul de vergunning in die u wilt intrekken (kenmerk en datum)."
    if letter.outcome in W.CONDITIONS and not R.conditions(letter):
        found["conditions"] = "Vul de voorschriften in. Zonder voorschriften geen verlening met voorschriften."
    if letter.recipient.rol == P.DERDE:
        found.update(_derde_errors(letter))
    if letter.outcome in W.HEARD:
        found.update(_hearing_errors(letter))
    return {**found, **reason_errors(letter)}


def _body_errors(letter: LetterInput) -> dict[str, str]:
    """The letter speaks and signs for the body that decides (G2: the zaak's body, the application's)."""
    body = W.body(letter)
    if body not in BODIES:
        return {"orgaan": "Het bevoegde orgaan (burgemeester of college) ontbreekt."}
    found = {}
    applied = W.application(letter).get("competent_body")
    if applied and applied != body:
        found["orgaan"] = "Het orgaan van de zaak wijkt af van het bevoegde orgaan voor deze vergunning."
    first = (letter.ondertekening[0] if letter.ondertekening else "").lower()
    other = next(b for b in BODIES if b != body)
    if SIGNED_AS[body] not in first or SIGNED_AS[other] in first.replace(SIGNED_AS[body], ""):
        found["ondertekening"] = "De ondertekening past niet bij het orgaan dat beslist. Kies een andere ondertekenaar."
    return found


def _date_errors(letter: LetterInput) -> dict[str, str]:
    key = {**dict.fromkeys(W.VOORNEMENS, "zienswijze_tot"), **dict.fromkeys(W.BESLUITEN, "uiterlijke_reactiedatum")}
    name = key.get(letter.outcome)
    found = W.day(letter.deadlines.get(name)) if name else None
    if name and (found is None or found <= letter.verzenddatum):
        return {f"deadlines.{name}": "Vul een datum in die na de verzenddatum ligt."}
    if letter.outcome == "mededeling_adviesaanvraag" and W.day(W.case(letter, "lbb").get("requested_on")) is None:
        return {"lbb.requested_on": "Vul de datum in waarop het advies van het LBB is gevraagd."}
    return {}


def _incomplete_errors(letter: LetterInput) -> dict[str, str]:
    """Awb 4:5: what is missing, when completion was asked, and a period that has passed (lid 4: four weeks)."""
    form, found = W.case(letter, "bibob_form"), {}
    if not [m for m in form.get("missing") or () if W.text(m)]:
        found["bibob_form.missing"] = "Noem welke gegevens ontbreken."
    if W.day(form.get("herstel_requested_on")) is None:
        found["bibob_form.herstel_requested_on"] = "Vul in wanneer u om aanvulling vroeg."
    until = W.day(letter.case_file.get("hersteltermijn_until"))
    if until is None or until >= letter.verzenddatum:
        found["hersteltermijn_until"] = "De termijn om de aanvraag aan te vullen moet voorbij zijn."
    elif letter.verzenddatum > until + timedelta(weeks=AWB_4_5_WEEKS):
        found["hersteltermijn_until"] = ("Het besluit moet binnen vier weken na afloop van de hersteltermijn worden "
                                         "verstuurd (artikel 4:5, vierde lid, Awb).")
    return found


def _advice_errors(letter: LetterInput) -> dict[str, str]:
    """An asked advice is awaited; a reused one is current and at most five years old (art. 29)."""
    lbb, advice = W.case(letter, "lbb"), W.advice(letter)
    if W.day(lbb.get("requested_on")) and not lbb.get("declined") and advice.kind == "eigen":
        return {"lbb": "Het advies van het LBB is nog niet ontvangen. Wacht het advies af."}
    if advice.kind != "hergebruik":
        return {}
    reused, years = W.case(letter, "reused_advice"), W.param(letter, W.REUSE_YEARS) or 5  # art. 29
    if advice.date is None or advice.date < _years_before(letter.verzenddatum, int(years)):
        return {"reused_advice.date": "Dit advies is ouder dan vijf jaar. U mag het niet opnieuw gebruiken."}
    if not reused.get("still_current") or not advice.conclusion:
        return {"reused_advice.still_current": "Gebruik een eerder advies alleen als de feiten nog actueel zijn."}
    return {}


def _years_before(on: date, years: int) -> date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


def _derde_errors(letter: LetterInput) -> dict[str, str]:
    own = W.own_part(letter)  # a derde has a letter about a voornemen (art. 33) and a besluit after it (KEYS)
    if own is None:
        return {"recipient.ref": "Deze derde staat niet in het dossier. Koppel de ontvanger aan een derde."}
    if not W.text(own.get("part_of_advice")) or not W.text(own.get("use_reason")):
        return {"third_parties": "Vul bij de derde in welk deel van het advies over hem gaat en waarom."}
    return {}


def _hearing_errors(letter: LetterInput) -> dict[str, str]:
    """A besluit after art. 33: the hearing took place (or an Awb 4:11 ground) and each zienswijze is answered."""
    if letter.zienswijze is None:
        return {"zienswijze": "Geef eerst gelegenheid voor een zienswijze (artikel 33 Wet Bibob)."}
    missing = unanswered(letter)
    if missing:
        return {"zienswijze": "Beantwoord elke zienswijze. Nog zonder reactie: " + ", ".join(missing) + "."}
    weighed = "voorschriften" if letter.outcome in W.CONDITIONS else "evenredig_3_lid_5"
    return {code: "Leg dit oordeel met een motivering vast voordat u het besluit opstelt."
            for code in ("mate_van_gevaar", weighed) if not W.judgement(letter, code)}
