"""Every model, imported so that one metadata holds the whole schema (Alembic's target)."""

from app.models.api_token import ApiToken
from app.models.beslissing import Beoordeling, Beslissing, Oordeel, Reviewronde
from app.models.document import Document, DocumentPdf
from app.models.history import EerdereMaatregel
from app.models.login_throttle import LoginThrottle
from app.models.logs import AccessEntry, AuditEntry, ChainHead
from app.models.notificatie import Notificatie
from app.models.oidc import OidcAccount
from app.models.outbox import OutboxJob
from app.models.parameters import ParameterBevestiging
from app.models.rechtsmiddel import Beroep, Bezwaar
from app.models.reeks import Reeks
from app.models.regelset import Parameterset, Regelset
from app.models.retention import Vernietiging
from app.models.toegang import ZaakToegang
from app.models.user import LoginSession, Mandaat, User
from app.models.verzending import Retour, Verzending
from app.models.zaak import Betrokkene, Melding, Zaak
from app.models.zgw import ZgwObject

__all__ = [
    "AccessEntry", "ApiToken", "AuditEntry", "Beoordeling", "Beroep", "Beslissing", "Betrokkene", "Bezwaar",
    "ChainHead",
    "Document", "DocumentPdf", "EerdereMaatregel", "LoginSession", "LoginThrottle", "Mandaat", "Melding",
    "Notificatie", "OidcAccount", "Oordeel", "OutboxJob", "ParameterBevestiging", "Parameterset", "Reeks",
    "Regelset", "Retour", "Reviewronde", "User", "Verzending", "Vernietiging", "Zaak", "ZaakToegang", "ZgwObject",
]
