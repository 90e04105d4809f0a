"""The jurist's casework around a draft: a preview of its letters before offering (not stored), letter file
names after the recipient's own role, and withdrawing an offer from the kabinet's queue."""

from __future__ import annotations

import io

import docx
import pytest
from sqlalchemy import func, select

from app.domain.drafting import DraftRequest
from app.domain.errors import ConcurrentEdit, InvalidInput, InvalidTransition, MandateMissing
from app.letters.preview import to_html
from app.letters.render import CONCEPT_MARK, mark_concept
from app.models import AuditEntry, Beslissing, Document, Zaak
from app.services import case_lists, review
from app.services.documents import ascii_slug
from app.services.intake import submit_melding
from app.services.letter_preview import preview_letters
from app.services.review import current_documents
from app.services.withdrawal import withdraw_offer
from app.web.access import visible_zaken
from tests.factories import melding
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def warning(db, rt, users, today) -> Beslissing:
    """A drafted warning to an overtreder (not a bewoner) and the owner, still a concept."""
    data = melding(bewoners=[{"naam": "D. Daniëlle", "roltype": "overtreder"}])
    zaak = submit_melding(db, rt, data, users["handhaving"], today)
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    return draft(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today)


def test_a_letter_to_the_overtreder_is_named_after_his_role(db, rt, users, warning):
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    names = [d.bestandsnaam for d in current_documents(db, warning)]
    overtreder = next(n for n in names if "-overtreder-" in n)
    assert not any("-bewoner-" in n for n in names), names
    assert overtreder.startswith(warning.zaak.identificatie) and overtreder.isascii()
    assert any("-rechthebbende-" in n for n in names)


def test_file_name_parts_are_ascii_safe():
    assert ascii_slug("Daniëlle / ’s-Hertogenbosch") == "Danielle-s-Hertogenbosch"
    assert ascii_slug("veilig_thuis") == "veilig-thuis"  # shown on screen: words, not codes


def test_the_preview_renders_the_letters_the_offer_stores_and_stores_nothing(db, rt, users, warning, today):
    letters = preview_letters(db, rt, warning, users["kabinet"], users["jurist"], today, "test")
    assert db.scalar(select(func.count()).select_from(Document)) == 0
    assert db.get(Beslissing, warning.id).status == "concept"
    assert all(x.bestandsnaam.startswith("CONCEPT-") and x.inhoud[:2] == b"PK" for x in letters)
    assert {x.ontvanger_rol for x in letters} == {"overtreder", "rechthebbende"}
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    stored = {d.ontvanger_rol: d.inhoud for d in current_documents(db, warning)}
    # the same rendering path: the preview is the stored letter plus the concept mark, byte for byte
    assert {x.ontvanger_rol: x.inhoud for x in letters} == {r: mark_concept(b) for r, b in stored.items()}
    assert all(CONCEPT_MARK not in docx_text(b) for b in stored.values())  # what is offered carries no mark


def test_the_preview_docx_itself_says_it_is_a_concept(db, rt, users, warning, today):
    for letter in preview_letters(db, rt, warning, users["kabinet"], users["jurist"], today, "test"):
        document = docx.Document(io.BytesIO(letter.inhoud))
        assert document.paragraphs[0].text == "CONCEPT – niet verzenden"
        assert document.sections[0].header.paragraphs[0].text == "CONCEPT – niet verzenden"
        assert document.core_properties.content_status == "Concept"
        assert "CONCEPT – niet verzenden" in to_html(letter.inhoud)


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    header = [p.text for s in document.sections for p in s.header.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + header)


def test_the_preview_is_refused_with_the_checks_of_offering(db, rt, users, warning, today):
    with pytest.raises(MandateMissing):
        preview_letters(db, rt, warning, users["jurist2"], users["jurist"], today, "test")
    db.rollback()
    with pytest.raises(InvalidInput) as refused:
        preview_letters(db, rt, warning, users["jurist"], users["jurist"], today, "test")
    assert "ondertekenaar" in " ".join(refused.value.errors.values())
    db.rollback()
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    with pytest.raises(InvalidTransition):  # only a concept is previewed; an offer has its stored letters
        preview_letters(db, rt, warning, users["kabinet"], users["jurist"], today, "test")


def test_a_withdrawn_offer_leaves_the_queue_and_cannot_be_approved(db, rt, users, warning, today):
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    hashes = [d.sha256 for d in current_documents(db, warning)]
    withdraw_offer(db, rt, warning, warning.version_id, users["jurist2"], "Adres klopt niet.")
    assert warning.status == "concept" and warning.ondertekenaar_id is None
    pending, _ = case_lists.review_queue(db, visible_zaken(users["kabinet"]), {}, users["kabinet"], "test")
    assert pending.rows == []
    with pytest.raises(InvalidTransition):
        review.approve(db, rt, warning, hashes, warning.version_id, users["kabinet"], today)
    db.rollback()
    entry = db.scalars(select(AuditEntry).where(AuditEntry.actie == "withdraw")).one()
    assert entry.toelichting == "Adres klopt niet." and entry.wijzigingen["oud"]["documenten"] == hashes


def test_withdrawal_and_approval_of_the_same_offer_exclude_each_other(db, rt, users, warning, today):
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    seen = warning.version_id
    hashes = [d.sha256 for d in current_documents(db, warning)]
    review.approve(db, rt, warning, hashes, seen, users["kabinet"], today)
    with pytest.raises(ConcurrentEdit):
        withdraw_offer(db, rt, warning, seen, users["jurist"])
    db.rollback()
    with pytest.raises(InvalidTransition):
        withdraw_offer(db, rt, warning, warning.version_id, users["jurist"])


def test_only_a_jurist_of_the_team_withdraws(db, rt, users, warning):
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    with pytest.raises(InvalidTransition):
        withdraw_offer(db, rt, warning, warning.version_id, users["kabinet"])
    db.rollback()
    assert db.get(Zaak, warning.zaak_id) is not None and db.get(Beslissing, warning.id).status == "ter_vaststelling"
