"""Every model, imported so that one metadata holds the whole schema (Alembic's target)."""

from app.models.beslissing import Beoordeling, Beslissing, Oordeel, Reviewronde
from app.models.document import Document
from app.models.history import EerdereMaatregel
from app.models.logs import AccessEntry, AuditEntry, ChainHead
from app.models.notificatie import Notificatie
from app.models.parameters import ParameterBevestiging
from app.models.rechtsmiddel import Beroep, Bezwaar
from app.models.retention import Vernietiging
from app.models.toegang import ZaakToegang
from app.models.user import LoginFailure, LoginSession, Mandaat, User
from app.models.verzending import Verzending
from app.models.zaak import Betrokkene, Melding, Zaak

__all__ = [
    "AccessEntry", "AuditEntry", "Beoordeling", "Beroep", "Beslissing", "Betrokkene", "Bezwaar", "ChainHead",
    "Document", "EerdereMaatregel", "LoginFailure", "LoginSession", "Mandaat", "Melding", "Notificatie", "Oordeel",
    "ParameterBevestiging", "Reviewronde", "User", "Verzending", "Vernietiging", "Zaak", "ZaakToegang",
]
