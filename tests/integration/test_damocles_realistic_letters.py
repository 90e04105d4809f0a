"""The Damocles letters for a realistic case, as a municipal lawyer reads them (issue 6, "Done when").

A corporation lets a dwelling; the police found 12.4 g cocaine, 35 g cannabis, a scale, bags and cash; a
first offence. The voornemen goes to the resident (the overtreder) and the corporation; both send a
zienswijze; the besluit answers both. Set BEVOEGD_LETTER_DUMP=<folder> to write every letter's text there.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.drafting import DraftRequest
from app.services import review
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import judge_one, judge_what_is_missing, submit, zienswijze
from tests.letters.letters_support import read_back

CASE_FILE = {
    "premises_type": "woning", "sluitobject": "woning_en_erf", "sluitobject_bag_id": "0935010000099999",
    "sluiting_aanvang": "10.00",
    "substances": [{"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 12.4, "unit": "g"},
                   {"name": "hennep", "opiumwet_list": "lijst_ii", "quantity": 35, "unit": "g"}],
    "attributes_found": ["weegschaal", "verpakkingsmateriaal", "contant_geld"],
    "dealing_evidence": ["politie_observatie"], "landlord_kind": "woningcorporatie",
    "minors_in_household": "no", "vulnerable_residents": "no", "alternative_housing_available": "yes",
    "lease_dissolution_risk": "announced", "blacklist_risk": "possible",
    "afschrift_ontvanger": "Politie Limburg, basisteam Maastricht-Centrum",
    "bevindingen_handel": "Op 27 november 2026 om 21.10 uur zag de politie bij de voordeur een verkoop van een "
                          "bolletje cocaïne (rapportage, bladzijde 2).",
}
RESIDENT = {"naam": "R. Fictief-Bewoner", "roltype": "overtreder", "geboortedatum": "1990-04-02"}
OWNER = {"naam": "Woonstichting Verzonnen Maasdal", "soort": "woningcorporatie", "straat": "Postbus",
         "huisnummer": "404", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
REASONS = {
    "eigen_gebruik_aannemelijk": ("niet_aannemelijk", "De bewoner verklaarde dat de cocaïne voor een feest was. "
                                  "Dat verklaart de weegschaal, de zakjes en het contante geld niet."),
    "evenwichtigheid": ("voldaan", "Er wonen geen kinderen. De bewoner kan bij familie terecht. Het risico op "
                        "ontbinding van de huur weegt niet op tegen het belang de handel te stoppen."),
    "belangen_rechthebbende": ("niet_onevenredig", "De corporatie wist van niets en verliest drie maanden "
                               "huur; de woning blijft haar eigendom."),
}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _approve(db, rt, users, beslissing, today):
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    review.approve(db, rt, beslissing, [d.sha256 for d in current_documents(db, beslissing)],
                   beslissing.version_id, users["kabinet"], today)


def _texts(db, beslissing) -> dict[str, str]:
    return {d.ontvanger_rol: "\n".join(read_back(d.inhoud)["body"]) for d in current_documents(db, beslissing)}


def _dump(name: str, texts: dict[str, str]) -> None:
    folder = os.environ.get("BEVOEGD_LETTER_DUMP")
    if folder:
        for rol, text in texts.items():
            Path(folder, f"{name}__{rol}.txt").write_text(text, encoding="utf-8")


def test_voornemen_and_besluit_read_as_a_decision_a_court_would_uphold(db, rt, users, today):
    data = melding(gegevens=CASE_FILE, bewoners=[RESIDENT], rechthebbende=OWNER)
    zaak = submit_melding(db, rt, data, users["handhaving"], today)
    for code, (outcome, reasoning) in REASONS.items():
        judge_one(db, zaak, code, outcome, reasoning, users["jurist"])
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"],
                                      today, {c: o for c, (o, _) in REASONS.items()})
    _approve(db, rt, users, voornemen, today)
    plan = _texts(db, voornemen)
    _dump("voornemen", plan)
    resident = next(b for b in zaak.betrokkenen if b.roltype == "overtreder")
    owner = next(b for b in zaak.betrokkenen if b.roltype == "rechthebbende")
    zienswijze(db, zaak, {"outcome": "ontvangen", "betrokkene_id": resident.id, "wijze": "schriftelijk",
                          "samenvatting": "De bewoner stelt dat de cocaïne voor een verjaardagsfeest was.",
                          "reactie": "Een feest verklaart de weegschaal, de zakjes en het geld niet."},
               users["jurist"], today)
    zienswijze(db, zaak, {"outcome": "ontvangen", "betrokkene_id": owner.id, "wijze": "mondeling",
                          "samenvatting": "De corporatie vraagt de sluiting te beperken tot twee maanden.",
                          "reactie": "Twee maanden volstaan niet om de handel vanuit de woning te doorbreken."},
               users["jurist"], today)
    for code, (outcome, reasoning) in REASONS.items():  # the zienswijzen reopened them: weighed again
        judge_one(db, zaak, code, outcome, reasoning + " Ook na de zienswijzen.", users["jurist"])
    later = voornemen.zienswijze_tot + timedelta(days=1)
    besluit = judge_what_is_missing(db, rt, zaak, DraftRequest("sluiting", later, 3), users["jurist"], today,
                                    {c: o for c, (o, _) in REASONS.items()})
    _approve(db, rt, users, besluit, today)
    letters = _texts(db, besluit)
    _dump("besluit", letters)

    both = (letters["overtreder"], letters["rechthebbende"])
    for text in both:
        assert "artikel 13b, eerste lid, aanhef en onder a, van de Opiumwet" in text
        assert "de woning met het erf erbij aan Teststraat 1" in text and "0935010000099999" in text
        assert "Twee maanden volstaan niet" in text  # the corporation's zienswijze is answered for everyone
        assert "niet voordat de voorzieningenrechter heeft beslist" in text
        assert "om 10.00 uur" in text
        assert "Als ik bevoegd ben" not in text and "te bevestigen" not in text
        assert "Ik laat Politie Limburg, basisteam Maastricht-Centrum weten dat ik dit besluit heb genomen" in text
        assert "zag de politie bij de voordeur een verkoop" in text  # the sale, as the report records it
        assert "artikel 2, aanhef en onder B en C, van de Opiumwet en artikel 3, aanhef en onder B en C" in text
    resident_letter, owner_letter = both
    assert "Ik leg u een last onder bestuursdwang op" in resident_letter
    assert "Ik leg R. Fictief-Bewoner een last onder bestuursdwang op" in owner_letter
    assert "U gaf op" in resident_letter and "uw zienswijze" in resident_letter
    assert "verjaardagsfeest" in resident_letter and "verjaardagsfeest" not in owner_letter
    assert "Er wonen geen kinderen" in resident_letter and "Er wonen geen kinderen" not in owner_letter
    assert "Ik vind de gevolgen van de sluiting voor de bewoners niet onevenredig." in owner_letter
    assert "een feest" not in owner_letter  # the resident's account of personal use stays his
    assert "Op " in resident_letter and "schreef ik dat ik van plan was de woning met het erf erbij te sluiten" \
        in resident_letter
    assert "Algemene verordening gegevensbescherming" in owner_letter
    assert "betaalt u als overtreder de kosten" in resident_letter and "slotenmaker" in resident_letter
    assert "de overtreder (R. Fictief-Bewoner) de kosten" in owner_letter
    assert "De corporatie wist van niets" in owner_letter  # the owner's own interests, weighed
    assert "Dit is mijn voorlopige oordeel." in plan["overtreder"]
    assert "Wonen er kinderen" in plan["overtreder"] and "bestuurlijke rapportage" in plan["overtreder"]
