"""Bar charts rendered on the server by pygal, inline in the page as an accessible SVG that needs no script.

The CSP allows no inline style or script (app/security.py), and pygal's SVG carries its look in a <style> element
and a configuration <script>. Both are removed here and the look is set with SVG presentation attributes (fill,
stroke, font, text-anchor), which are markup, not style. The chart is one image for assistive technology
(role="img" with its own <title> and <desc>); the page puts a table with the same numbers next to it.

Colours (WCAG 2.1 AA, 1.4.11: bars need 3:1 against the white background): petrol #0b5470 8.4:1, orange
#c05a00 4.5:1, text #1b1f23 16.6:1, axis #5f6a74 5.5:1. The two bar colours also differ in lightness, so a
reader who does not see the hue still tells them apart, and the legend names each series.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pygal
from markupsafe import Markup
from pygal.etree import etree
from pygal.style import Style

from app.domain.numbers import format_number

PALETTE = ("#0b5470", "#c05a00")
TEXT, AXIS, GRID, BACKGROUND = "#1b1f23", "#5f6a74", "#c5cbd1", "#ffffff"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif'
FONT_SIZE = 14
# What pygal adds for its script and style sheet, or for hover effects: nothing of it is needed without them.
DROPPED_TAGS = ("style", "script", "desc", "title")
ANCHORS = {"x": "middle", "y": "end"}  # the labels under the horizontal axis, left of the vertical one


@dataclass(frozen=True)
class Chart:
    """One bar chart: `ident` is unique on the page (its title and description are referred to by id)."""

    ident: str
    title: str
    description: str
    labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[int]]]
    horizontal: bool = False


def render(chart: Chart) -> Markup:
    """The chart as inline SVG markup."""
    graph = (pygal.HorizontalBar if chart.horizontal else pygal.Bar)(**_config(chart))
    # pygal draws a horizontal chart's first bar at the bottom; reversed, it reads top-down like the table.
    order = slice(None, None, -1) if chart.horizontal else slice(None)
    graph.x_labels = list(chart.labels)[order]
    for name, values in chart.series:
        graph.add(name, list(values)[order])
    root = graph.render_tree()
    _strip(root)
    _paint(root, value_axis="x" if chart.horizontal else "y")
    _name(root, chart)
    return Markup(etree.tostring(root, encoding="unicode"))  # noqa: S704 - built by pygal from our own labels, escaped


def _config(chart: Chart) -> dict[str, Any]:
    top = max((v for _, values in chart.series for v in values), default=0)
    step = max(1, math.ceil(top / 5))
    ticks = list(range(0, top + step, step)) if top else [0, 1]
    height = 120 + 44 * len(chart.labels) if chart.horizontal else 420
    style = Style(background=BACKGROUND, plot_background=BACKGROUND, foreground=TEXT, colors=PALETTE,
                  font_family=FONT, label_font_size=FONT_SIZE, major_label_font_size=FONT_SIZE,
                  legend_font_size=FONT_SIZE, title_font_size=FONT_SIZE + 2, value_font_size=FONT_SIZE)
    return {"style": style, "js": [], "disable_xml_declaration": True, "no_prefix": True, "width": 860,
            "height": height, "show_legend": len(chart.series) > 1, "legend_at_bottom": True, "truncate_label": -1,
            "y_labels": ticks, "range": (0, ticks[-1]), "value_formatter": lambda v: format_number(int(v)),
            "margin": 16, "spacing": 12}


def _strip(root: Any) -> None:
    """Remove pygal's style sheet, script, comments, hover scaffolding (with its inline style) and ids (a second
    chart on the page would repeat them); what remains is shapes and text."""
    doomed = [(parent, child) for parent in root.iter() for child in parent if _dropped(child)]
    for parent, child in doomed:
        parent.remove(child)
    for element in root.iter():
        if isinstance(element.tag, str):
            for attribute in ("style", "id"):
                element.attrib.pop(attribute, None)


def _dropped(element: Any) -> bool:
    if not isinstance(element.tag, str):  # a comment
        return True
    return element.tag in DROPPED_TAGS or "tooltip-overlay" in element.get("class", "").split()


def _paint(root: Any, value_axis: str) -> None:
    """Colours, font and alignment as presentation attributes: the CSS pygal would have used."""
    root.set("fill", TEXT)
    root.set("font-family", FONT)
    root.set("font-size", str(FONT_SIZE))
    for element in root.iter():
        classes = element.get("class", "").split() if isinstance(element.tag, str) else []
        if "background" in classes:
            element.set("fill", BACKGROUND)
        colour = next((int(c[6:]) for c in classes if c.startswith("color-") and c[6:].isdigit()), None)
        if colour is not None:
            element.set("fill", PALETTE[colour % len(PALETTE)])
        if "axis" in classes:
            _axis(element, "x" if "x" in classes else "y", value_axis)


def _axis(axis: Any, which: str, value_axis: str) -> None:
    """Tick labels aligned to their axis; grid lines across the values only, the base lines in the axis colour."""
    for element in axis.iter():
        if element.tag == "text":
            element.set("text-anchor", ANCHORS[which])
        elif element.tag == "path":
            classes = element.get("class", "").split()
            element.set("fill", "none")
            element.set("stroke", AXIS if "guide" not in classes else GRID if which == value_axis else "none")


def _name(root: Any, chart: Chart) -> None:
    """One image for assistive technology, named by its own title and described by its description."""
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart.ident}-titel {chart.ident}-uitleg")
    root.set("width", "100%")
    root.set("class", "pygal-chart gemeente-grafiek")
    description = etree.Element("desc", id=f"{chart.ident}-uitleg")
    description.text = chart.description
    title = etree.Element("title", id=f"{chart.ident}-titel")
    title.text = chart.title
    root.insert(0, description)
    root.insert(0, title)
