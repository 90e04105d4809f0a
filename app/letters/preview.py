"""HTML preview of a stored letter: mammoth turns the .docx into semantic HTML, nh3 sanitises it.

mammoth escapes text and refuses external images, but it let a `javascript:` hyperlink through
(letters.md §11). So every preview passes nh3 with a tag allowlist and only http, https and mailto links.
Relative links are dropped as well: a letter has none of its own, and `//host` would leave the site.
The preview is semantic, not pixel-faithful (headers and footers are dropped); the PDF shows the layout.
"""

from __future__ import annotations

import io

import mammoth
import nh3

ALLOWED_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "strong", "em", "ul", "ol", "li", "table", "thead",
                          "tbody", "tr", "th", "td", "br", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# The template styles that mammoth does not know by name (scripts/make_letter_templates.py).
STYLE_MAP = """
p[style-name='No Spacing'] => p:fresh
p[style-name='List Bullet'] => ul > li:fresh
"""


def to_html(docx_bytes: bytes) -> str:
    """Safe HTML for a stored letter's bytes."""
    result = mammoth.convert_to_html(io.BytesIO(docx_bytes), style_map=STYLE_MAP)
    return sanitise(result.value)


def sanitise(html: str) -> str:
    """Keep only the allowlisted tags, attributes and link schemes (script and style content is dropped)."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), url_relative="deny")
