"""Domain errors: each carries a user-safe Dutch message; only web/errors.py maps them to HTTP."""

from __future__ import annotations


class DomainError(Exception):
    """Base class; `message` is Dutch and safe to show to users."""

    message = "Er ging iets mis bij het verwerken van deze zaak."

    def __init__(self, message: str | None = None, **details: object) -> None:
        self.message = message or self.message
        self.details = details
        super().__init__(self.message)


class RulebookError(Exception):
    """A rule, parameter, vocabulary or case file is invalid (raised at load time, names file and rule)."""


class UnknownPower(DomainError):
    message = "Deze bevoegdheid is onbekend."


class RulesNotInForce(DomainError):
    message = "De regels dekken deze datum niet."


class ParameterNotInForce(DomainError):
    message = "De regels dekken deze datum niet: een parameter heeft geen waarde op die datum."


class FactsRejected(DomainError):
    """Facts do not match the vocabulary; `errors` maps field -> Dutch message."""

    message = "De feiten passen niet bij de woordenlijst van deze bevoegdheid."

    def __init__(self, errors: dict[str, str], message: str | None = None) -> None:
        super().__init__(message)
        self.errors = errors


class RuleActionError(DomainError):
    message = "Een regel kon niet worden uitgevoerd."


class EngineError(DomainError):
    message = "De regelmachine gaf een fout."


class JudgementMissing(DomainError):
    """A besluit is drafted before every required judgement has been recorded."""

    message = "Niet alle verplichte afwegingen zijn vastgelegd."

    def __init__(self, missing: list[str], message: str | None = None) -> None:
        super().__init__(message)
        self.missing = missing


class InvalidTransition(DomainError):
    message = "Deze stap is in de huidige fase van de beslissing niet mogelijk."


class FourEyesViolation(DomainError):
    message = "U heeft deze beslissing zelf opgesteld; een ander moet haar vaststellen."


class MandateMissing(DomainError):
    message = "U heeft geen mandaat om dit type besluit te ondertekenen."


class StaleDocument(DomainError):
    message = "De brief is gewijzigd sinds u hem bekeek. Bekijk de nieuwe versie en beoordeel opnieuw."


class ConcurrentEdit(DomainError):
    message = "Iemand anders heeft deze zaak intussen gewijzigd. Laad de zaak opnieuw en voer uw wijziging nogmaals in."


class LetterRenderError(DomainError):
    message = "De brief kon niet worden gemaakt."


class InvalidInput(DomainError):
    """Input that passed the schema but breaks a domain rule; `errors` maps field -> Dutch message."""

    message = "De invoer is niet volledig of niet juist."

    def __init__(self, errors: dict[str, str], message: str | None = None) -> None:
        super().__init__(message)
        self.errors = errors


class DuplicateMelding(InvalidInput):
    """A melding for this power from this source document is already stored (Back and submit again)."""

    def __init__(self, identificatie: str) -> None:
        message = (f"Deze melding is al ontvangen als zaak {identificatie}: voor dit document (soort en kenmerk) "
                   "bestaat al een melding. Er is geen tweede zaak gemaakt.")
        super().__init__({"bron_kenmerk": message}, message)
        self.identificatie = identificatie
