"""A local SMTP sink for the e-mail tests (aiosmtpd on a free port), and settings that point at it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller

from app.services.mail import SmtpSettings


class Collector:
    """Keeps every message the sink accepted."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001, N802 - aiosmtpd hook
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settings_for(port: int) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, sender="bevoegd@gemeente.example", timeout=2.0,
                        public_url="https://bevoegd.gemeente.example")


@contextmanager
def smtp_sink(port: int | None = None) -> Iterator[tuple[Collector, int]]:
    """Run a sink until the block ends."""
    collector, port = Collector(), port or free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield collector, port
    finally:
        controller.stop()
