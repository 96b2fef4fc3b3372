"""The Markdown subset of a toelichting is rendered inert: no script, style, form or foreign frame survives."""

import pytest

from uploads.markdown import render_markdown

HOSTILE = [
    "<script>alert(1)</script>Tekst",
    '<iframe src="https://kwaad.example"></iframe>Tekst',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    '<img src=x onerror="alert(1)">',
    '<p onclick="alert(1)">Tekst</p>',
    "<style>body{display:none}</style>Tekst",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
    '<svg onload="alert(1)"></svg>',
    '<div style="position:fixed">Tekst</div>',
    "![x](javascript:alert(1))",
    '<form action="https://kwaad.example"><input name="wachtwoord"></form>',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_is_rendered_inert(text):
    html = str(render_markdown(text)).lower()
    for forbidden in ("<script", "<iframe", "javascript:", "onerror", "onclick", "onload", "<style", "<img", "<svg"):
        assert forbidden not in html, (text, html)
    assert "data:" not in html and "style=" not in html and "<form" not in html and "<input" not in html


def test_allowed_subset_survives():
    html = str(
        render_markdown(
            "Een **vette** en *schuine* [link](https://example.org).\n\n- een\n- twee\n\nTussen.\n\n1. eerst\n"
        )
    )
    assert "<strong>vette</strong>" in html and "<em>schuine</em>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">link</a>' in html
    assert "<ul>" in html and "<ol>" in html
