"""What the reasons of a Bibob letter cannot be written without (pure): every problem at once, by field.

From the legal review: the permit's own article and the Maastricht policy are confirmed before a voornemen
or besluit prints them (findings 4 and 16); the body's degree of danger and the advice's conclusion agree, or the
body says it departs (2); conditions despite serious danger say why a refusal would be disproportionate (3); the
criteria of art. 3 lid 2 or 3 are weighed one by one (15); a sepot that is used carries the body's own assessment
(6); every heard derde appears in the reasons (8); nobody else is named (1, 13); and a withdrawal says from when
(14).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.letters.input import LetterInput
from app.powers.bibob import phrases_reasons as F
from app.powers.bibob import words as W
from app.powers.bibob.letters_reasons import REFUSAL_BASIS, WITHDRAWAL_BASIS, conditions, departs, omgevingswet_basis

PRINTS_BASIS = (*W.VOORNEMENS, *W.HEARD, "verlening")  # the letters with "Op welke regels ..."
REASONED = (*W.NEGATIVE, *W.CONDITIONS)  # the letters with facts and a weighing
# The judgements a letter to the aanvrager prints (letters_reasons.motivering, letters_derde.zienswijzen).
PRINTED = ("advies_beoordeeld", "eigen_conclusie", "mate_van_gevaar", "overtreding_voorschriften", "evenredig_3_lid_5",
           "voorschriften", "bijzondere_omstandigheden", "zienswijze_verwerkt")
NO_WITHDRAWAL_BASIS = ("Een omgevingsvergunning intrekken kan nog niet: de bevoegdheid om haar in te trekken is "
                       "nog niet bevestigd, en artikel 3, eerste lid, van de Wet Bibob werkt alleen voor zover die "
                       "bevoegdheid er is. Een beheerder legt die eerst vast bij de grondslag per vergunning "
                       "(Beheer, Parameters).")
NO_REFUSAL_BASIS = ("Welk onderdeel van artikel 5.31, eerste lid, van de Omgevingswet voor deze activiteit geldt, is "
                    "nog niet bevestigd. Een beheerder legt dat eerst vast bij de grondslag per vergunning (Beheer, "
                    "Parameters).")
UNHEARD = ("Wie in de motivering voorkomt, wordt als derde gehoord (artikel 33 Wet Bibob). Het feit over {} staat "
           "in de motivering: voeg die persoon toe bij de derden of laat het feit weg uit de motivering.")
UNCONFIRMED = ("{} is nog niet bevestigd. Een beheerder bevestigt die eerst met de officiële bron (Beheer, "
               "Parameters).")


def reason_errors(letter: LetterInput) -> dict[str, str]:
    found = {**_confirmed_errors(letter), **_omgevingswet_errors(letter)} if letter.outcome in PRINTS_BASIS else {}
    if letter.outcome in REASONED:
        found.update({**_danger_errors(letter), **_criteria_errors(letter), **_fact_errors(letter)})
        found.update(_name_errors(letter))
    if letter.outcome == "intrekking":
        found.update(_withdrawal_errors(letter))
    return found


def _confirmed_errors(letter: LetterInput) -> dict[str, str]:
    """Findings 4 and 16: a default is never printed as the permit's article or as the municipality's policy."""
    found = {}
    for name, what in ((W.PERMIT_BASIS, "De grondslag van de vergunning"), (W.POLICY, "De beleidsregel Bibob")):
        value = letter.assessment.parameters.get(name)
        if value is None or value.to_confirm:
            found[name] = UNCONFIRMED.format(what)
    return found


def _omgevingswet_errors(letter: LetterInput) -> dict[str, str]:
    """Legal review 2, finding 2: an omgevingsvergunning names its confirmed hook to art. 3 Wet Bibob; a withdrawal
    needs a confirmed withdrawal basis, since art. 3 lid 1 works only as far as that power exists (to confirm)."""
    if str(W.application(letter).get("permit_type") or "") != "omgevingsvergunning" or _confirmed_errors(letter):
        return {}
    if letter.outcome in W.WITHDRAWAL and not omgevingswet_basis(letter, WITHDRAWAL_BASIS):
        return {W.PERMIT_BASIS: NO_WITHDRAWAL_BASIS}
    if letter.outcome not in W.WITHDRAWAL and letter.verzenddatum >= W.WABO_UNTIL and not omgevingswet_basis(
            letter, REFUSAL_BASIS):
        return {W.PERMIT_BASIS: NO_REFUSAL_BASIS}
    return {}


def _danger_errors(letter: LetterInput) -> dict[str, str]:
    """Finding 2: "overgenomen" with another degree of danger contradicts itself. Finding 3: conditions despite
    serious danger rest on the judgement that a refusal would be disproportionate (art. 3 lid 7, second sentence)."""
    found = {}
    if departs(letter) and W.judgement(letter, "advies_beoordeeld", "outcome") == "overgenomen":
        found["advies_beoordeeld"] = ("Uw conclusie over de mate van gevaar wijkt af van die van het LBB. Kies bij het "
                                      "advies 'afgeweken' en schrijf waarom u afwijkt.")
    serious = W.danger(letter) in W.SERIOUS_DANGER
    if letter.outcome in W.CONDITIONS and serious and not (
            W.judgement(letter, "evenredig_3_lid_5", "outcome") == "nee" and W.judgement(letter, "evenredig_3_lid_5")):
        found["evenredig_3_lid_5"] = ("Bij ernstig gevaar verbindt u alleen voorschriften als weigeren niet in "
                                      "verhouding staat. Leg dat vast ('nee') met de reden (artikel 3, zevende lid).")
    return found


def _criteria_errors(letter: LetterInput) -> dict[str, str]:
    """Finding 15: ground a rests on lid 2, ground b on lid 3; each criterion gets its own sentence."""
    ground = W.GROUND_OF.get(W.danger(letter), "")
    if ground not in F.CRITERIA_PER_GROND or not W.grounds(letter):
        return {}
    given = W.case(letter, "danger_criteria")
    missing = [F.CRITERIUM[k].split(":")[0].lower() for k in F.CRITERIA_PER_GROND[ground] if not W.text(given.get(k))]
    if not missing:
        return {}
    lid = "tweede" if ground == "a" else "derde"
    return {"danger_criteria": f"Schrijf hoe u elk punt van artikel 3, {lid} lid, van de Wet Bibob heeft gewogen. "
                               f"Nog leeg: {', '.join(missing)}."}


def _fact_errors(letter: LetterInput) -> dict[str, str]:
    """Finding 6: a sepot is weighed on the underlying facts as the body assessed them. Finding 8: a derde who is
    heard appears in the reasons; otherwise he is neither heard nor named. Legal review 2, finding 3: a fact in the
    reasons about someone else is used only when he is heard as a derde (naming him by his role is not enough)."""
    found = {}
    if any(f.get("kind") == F.SEPOT and not W.text(f.get("beoordeling")) for f in W.cited_facts(letter)):
        found["facts_3a"] = ("Schrijf bij elk sepot dat u gebruikt uw eigen beoordeling van de onderliggende feiten "
                             "(het proces-verbaal).")
    unheard = _unheard(letter)
    if unheard:
        found["facts_3a"] = " ".join(filter(None, (found.get("facts_3a"), UNHEARD.format(", ".join(unheard)))))
    reasons = " ".join([*_reasons(letter), *(W.text(f.get("person")) for f in W.cited_facts(letter))])
    absent = [n for n in W.heard(letter) if not W.names(n, reasons)]
    if absent and letter.recipient.rol == "aanvrager":
        found["third_parties"] = (", ".join(absent) + " wordt gehoord als derde, maar de motivering gebruikt niets "
                                  "over die persoon. Gebruik zijn deel in de motivering of haal hem weg bij de derden.")
    return found


def _unheard(letter: LetterInput) -> list[str]:
    """Legal review 2, finding 3: the others a fact in the reasons is about who are not heard as a derde (art. 33)."""
    own = W.text(W.case(letter, "betrokkene").get("name"))
    found = [W.text(f.get("person")) for f in W.cited_facts(letter)]
    return list(dict.fromkeys(n for n in found if n and W.person(letter, n, own) not in ("u", n)))


def _name_errors(letter: LetterInput) -> dict[str, str]:
    """Findings 1 and 13: someone who is not heard as a derde is never named, in the reasons or a condition; the
    error sits on the field that names him."""
    facts = [W.text(f.get(k)) for f in W.cited_facts(letter) for k in ("offence", "beoordeling")]
    where = {"facts_3a": facts, "own_research": [W.text(r.get("finding")) for r in W.cited_research(letter)],
             "danger_criteria": [W.text(v) for v in W.case(letter, "danger_criteria").values()],
             "conditions": conditions(letter) if letter.outcome in W.CONDITIONS else [],
             "naam": [*(W.judgement(letter, code) for code in PRINTED), letter.afwijking_beleid or ""]}
    found = {}
    for field, texts in where.items():
        printed = " ".join(texts)
        named = [n for n in W.hidden(letter) if W.names(n, printed)]
        if named:
            found[field] = ("De brief noemt " + ", ".join(named) + ", die niet als derde is gehoord. Noem die persoon "
                            "alleen bij zijn rol, of hoor hem als derde (artikel 28 en 33 van de Wet Bibob).")
    return found


def _reasons(letter: LetterInput) -> Iterable[str]:
    """The free text the aanvrager's reasons print: the marked facts and findings, the weighing and criteria (a
    fact's person is printed as a heard derde's name or a role, never as typed)."""
    for fact in W.cited_facts(letter):
        yield from (W.text(fact.get(k)) for k in ("offence", "beoordeling"))
    yield from (W.text(r.get("finding")) for r in W.cited_research(letter))
    yield from (W.judgement(letter, code) for code in PRINTED)
    yield from (W.text(v) for v in W.case(letter, "danger_criteria").values())
    yield letter.afwijking_beleid or ""


def _withdrawal_errors(letter: LetterInput) -> dict[str, str]:
    """Finding 14: a withdrawal names the day it takes effect, after the day it is sent (Awb 3:40)."""
    effective = W.day(letter.case_file.get("withdrawal_effective_on"))
    if effective is None or effective <= letter.verzenddatum:
        return {"withdrawal_effective_on": "Vul in vanaf welke dag de intrekking geldt. Die dag ligt na de "
                                           "verzenddatum."}
    return {}
