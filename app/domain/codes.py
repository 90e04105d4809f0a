"""Code lists shared by every power: the kinds of source document and of rechthebbende."""

from __future__ import annotations

BRON_SOORTEN = ("bestuurlijke_rapportage", "proces_verbaal", "boa_rapport", "melding", "aanvraag")
# The sources a report of conduct comes from: what a power accepts unless its index.yaml `bron_soorten` names
# others (an application-based power takes an `aanvraag`).
MELDING_BRONNEN = ("bestuurlijke_rapportage", "proces_verbaal", "boa_rapport", "melding")
# The kinds of source document in words (screens and messages; letters say them in a sentence, BRON_WOORDEN).
BRON_LABELS = {"bestuurlijke_rapportage": "Bestuurlijke rapportage (politie)", "proces_verbaal": "Proces-verbaal",
               "boa_rapport": "Rapport van een boa", "melding": "Melding", "aanvraag": "Aanvraag"}
RECHTHEBBENDE_SOORTEN = ("eigenaar", "verhuurder", "woningcorporatie", "niet_van_toepassing")

# A user's role, and the confidentiality levels (ZGW vertrouwelijkheidaanduiding) from open to most secret.
ROLES = ("handhaving", "jurist", "kabinet", "beheerder", "auditor")
VERTROUWELIJKHEID = (
    "openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk",
    "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim",
)

# The phases of a zaak, in order (zaken.fase).
FASEN = (
    "melding", "feiten", "bevoegdheid", "beleid", "evenredigheid",
    "voornemen", "besluit", "review", "verzending", "nazorg", "afgesloten",
)
