"""Small pieces of Dutch grammar around labels (app/domain/wording.py)."""

from __future__ import annotations

from app.domain.wording import in_sentence, with_article


def test_a_label_in_a_sentence_keeps_the_capitals_of_the_names_in_it():
    """Browser trial (issue 10): "(wet bibob art. 3 lid 7 en 33)" and "het landelijk bureau bibob"."""
    assert in_sentence("Verlening met voorschriften (Wet Bibob art. 3 lid 7 en 33)") == \
        "verlening met voorschriften (Wet Bibob art. 3 lid 7 en 33)"
    assert in_sentence("LBB-advies ontvangen") == "LBB-advies ontvangen"
    assert in_sentence("Sluiting") == "sluiting"
    assert with_article("Voornemen tot weigering (Wet Bibob)") == "het voornemen tot weigering (Wet Bibob)"
