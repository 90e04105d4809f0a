"""A template cannot reach Python internals (letters.md §3, §14 "Sandbox").

The default Jinja environment let `{{ cycler.__init__.__globals__.os.popen(...) }}` run a shell command
(docxtpl issues #549 and #632). The templates are edited in Word by the kabinet and uploaded by a
beheerder, so rendering must run sandboxed. The templates are built here with python-docx.
"""

from __future__ import annotations

import pytest
from jinja2.sandbox import SecurityError
from letters_support import docx_with

from app.domain.errors import LetterRenderError
from app.letters.manifest import ManifestEntry
from app.letters.render import ENV, activate, render_template

PROPS = {"onderwerp": "o", "kenmerk": "k", "verzenddatum": "2026-04-01"}


@pytest.mark.parametrize("expression", [
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ joiner.__init__.__globals__ }}",
])
def test_internals_are_refused(expression: str) -> None:
    entry = ManifestEntry("x/y__bewoner.docx", "x", "y", "bewoner", False, None, ("a",), (), "test")
    # Compiles (the sandbox checks attribute access at run time), so activation alone cannot catch it.
    template = activate(entry, docx_with("Geachte heer,", expression))
    with pytest.raises(LetterRenderError) as info:
        render_template(template, PROPS)
    assert isinstance(info.value.__cause__, SecurityError)
    assert any("__" in p for p in info.value.details["docx_context"])


def test_environment_settings() -> None:
    assert ENV.autoescape is True
    assert ENV.undefined.__name__ == "StrictUndefined"
    assert ENV.is_safe_attribute(object(), "__init__", None) is False
