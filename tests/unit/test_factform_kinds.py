"""The facts form's shape from a case-file schema (records, lists of records, lists of values, nested), the Dutch
names of dotted error keys, and the decision period's line in the deadlines overview."""

from __future__ import annotations

from datetime import date

from app.domain.worklists import BESLISTERMIJN_AANVRAAG, ApplicationFacts, application_deadlines
from app.schemas.casework import facts_schema
from app.web.factform import fact_error_labels, fact_fields
from tests.powers.proef.aanvraag import LABELS
from tests.powers.proef.schema import EDITABLE_FACTS, ProefCaseFileSchema


def _label(code: object, _power: str | None = None) -> str:
    return LABELS.get(str(code), str(code))


def test_records_and_lists_become_groups_lines_and_items_down_the_tree():
    by_name = {f.name: f for f in fact_fields(ProefCaseFileSchema, EDITABLE_FACTS)}
    aanvraag = by_name["aanvraag"]
    columns = {c.name: c for c in aanvraag.columns}
    assert (aanvraag.kind, by_name["onderzoek"].kind) == ("group", "lines")
    assert (columns["verlenging"].kind, columns["verzoeken"].kind, columns["ontbreekt"].kind) == (
        "group", "lines", "items")
    assert columns["ontbreekt"].columns[0].choices == ("kvk", "vog", "huurcontract")
    assert [c.path for c in columns["verlenging"].columns] == ["aanvraag.verlenging.weken",
                                                                "aanvraag.verlenging.gemeld_op"]
    assert columns["ontvangen_op"].kind == "date" and by_name["dealing_observed"].kind == "select"


def test_dotted_error_keys_get_the_names_of_every_level_in_form_order():
    facts = fact_fields(ProefCaseFileSchema, EDITABLE_FACTS)
    keys = ["onderzoek.1.bron", "aanvraag.ontbreekt.0", "aanvraag.verzoeken.0.van", "aanvraag.verlenging.weken"]
    names = fact_error_labels(facts, keys, _label, "proef")
    assert names["aanvraag.verzoeken.0.van"] == "Aanvraag: Gegevensverzoeken, regel 1: Van"
    assert names["aanvraag.verlenging.weken"] == "Aanvraag: Verlenging: Verlenging in weken"
    assert names["aanvraag.ontbreekt.0"] == "Aanvraag: Ontbrekende stukken, regel 1"
    assert names["onderzoek.1.bron"] == "Eigen onderzoek, regel 2: Bron"
    assert list(names).index("aanvraag.verzoeken.0.van") < list(names).index("onderzoek")


def test_the_facts_schema_checks_a_record_whole_without_its_defaults_at_the_top():
    schema = facts_schema(ProefCaseFileSchema, EDITABLE_FACTS)()
    sent = {"ontvangen_op": "2026-03-02", "verzoeken": [{"van": "2026-03-05"}]}
    loaded = schema.load({"version": 1, "aanvraag": sent})
    assert set(loaded) == {"version", "aanvraag"}  # a field the form does not send is not reset to its default
    assert loaded["aanvraag"]["verzoeken"] == [{"van": date(2026, 3, 5), "tot": None}]
    errors = schema.validate({"version": 1, "aanvraag": {"verlenging": {"weken": 9}}})
    assert set(errors["aanvraag"]) == {"ontvangen_op", "verlenging"}


def test_a_running_suspension_gives_one_notice_not_one_a_day():
    running = application_deadlines([ApplicationFacts(7, date(2026, 5, 4), date(2026, 3, 1))])
    moved = application_deadlines([ApplicationFacts(7, date(2026, 5, 5), date(2026, 3, 1))])
    assert running[0].key == moved[0].key and running[0].kind == BESLISTERMIJN_AANVRAAG
    assert "opgeschort" in running[0].what
    plain = application_deadlines([ApplicationFacts(7, date(2026, 5, 4))])[0]
    assert plain.key.endswith("2026-05-04") and plain.what == "Beslistermijn aanvraag"
