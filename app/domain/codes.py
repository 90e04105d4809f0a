"""Code lists shared by every power: the kinds of source document and of rechthebbende."""

from __future__ import annotations

BRON_SOORTEN = ("bestuurlijke_rapportage", "proces_verbaal", "boa_rapport", "melding", "aanvraag")
RECHTHEBBENDE_SOORTEN = ("eigenaar", "verhuurder", "woningcorporatie", "niet_van_toepassing")

# A user's role, and the confidentiality levels (ZGW vertrouwelijkheidaanduiding) from open to most secret.
ROLES = ("handhaving", "jurist", "kabinet", "beheerder", "auditor")
VERTROUWELIJKHEID = (
    "openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk",
    "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim",
)
