"""Crafted PDFs for the upload tests, written byte by byte with a correct cross-reference.

`build_pdf` writes the given objects; with `compressed` some of them go into a zlib-compressed object
stream, which only a cross-reference stream can point into (PDF 1.5), so no byte pattern finds them.
Every hostile document has a harmless twin built the same way, so a refusal is shown to come from
the content and not from the structure.
"""

import zlib

PAGE = b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <<>>%s>>"
CONTENT = b"BT /F1 12 Tf 72 770 Td (Ondersteuningsplan) Tj ET"


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<<" + dictionary + b" /Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


def build_pdf(
    *,
    catalog_extra: bytes = b"",
    page_extra: bytes = b"",
    extra_objects: dict[int, bytes] | None = None,
    compressed: set[int] = frozenset(),
    trailing: bytes = b"",
    leading: bytes = b"",
) -> bytes:
    """A one-page PDF. Objects 1-4 are catalog, pages, page and content; extra objects from 5 on.
    `leading` and `trailing` are glued before the header and after the end (offsets count from the header)."""
    objects = {
        1: b"<</Type /Catalog /Pages 2 0 R" + catalog_extra + b">>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: PAGE % page_extra,
        4: _stream(b"", CONTENT),
        **(extra_objects or {}),
    }
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    plain = [num for num in sorted(objects) if num not in compressed]
    for num in plain:
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    if not compressed:
        xref_at = len(out)
        size = max(objects) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for num in range(1, size):
            out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
        out += b"trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
        return leading + bytes(out) + trailing
    # Object stream: "num offset" pairs, then the objects themselves, compressed.
    members = sorted(compressed)
    bodies, header, position = b"", b"", 0
    for num in members:
        header += b"%d %d " % (num, position)
        bodies += objects[num] + b"\n"
        position = len(bodies)
    objstm_num = max(objects) + 1
    data = zlib.compress(header + bodies)
    objstm = _stream(b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (len(members), len(header)), data)
    offsets[objstm_num] = len(out)
    out += b"%d 0 obj\n" % objstm_num + objstm + b"\nendobj\n"
    xref_num = objstm_num + 1
    offsets[xref_num] = len(out)
    rows = b"\x00" + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")
    for num in range(1, xref_num + 1):
        if num in compressed:
            rows += b"\x02" + objstm_num.to_bytes(4, "big") + members.index(num).to_bytes(2, "big")
        else:
            rows += b"\x01" + offsets[num].to_bytes(4, "big") + (0).to_bytes(2, "big")
    xref = _stream(b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % (xref_num + 1), rows)
    out += b"%d 0 obj\n" % xref_num + xref + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref_num]
    return leading + bytes(out) + trailing


GOTO = b"<</S /GoTo /D [3 0 R /Fit]>>"
LINK = b"<</Type /Annot /Subtype /Link /Rect [0 0 9 9] /A <<%s>>>>"
JS = b"<</S /JavaScript /JS (app.alert(1))>>"
FIELD = b"<</FT %s /Subtype /Widget /Rect [0 0 9 9] /P 3 0 R%s>>"

# name -> (what both documents share, what makes one hostile, what its harmless twin has instead): the
# keyword arguments of build_pdf.
PAIRS: dict[str, tuple[dict, dict, dict]] = {
    "javascript on open": (
        {},
        {"catalog_extra": b" /OpenAction <</S /JavaScript /JS (app.alert(1))>>"},
        {"catalog_extra": b" /OpenAction " + GOTO},
    ),
    "hex-escaped JavaScript name": (
        {},
        {"catalog_extra": b" /OpenAction <</S /J#61vaScript /J#53 (app.alert(1))>>"},
        {"catalog_extra": b" /OpenAction <</S /G#6fTo /D [3 0 R /Fit]>>"},
    ),
    "javascript in a compressed object stream": (
        {"catalog_extra": b" /OpenAction 5 0 R"},
        {"extra_objects": {5: b"<</S /JavaScript /JS 6 0 R>>", 6: b"(app.alert(1))"}, "compressed": {5, 6}},
        {"extra_objects": {5: GOTO}, "compressed": {5}},
    ),
    "unreferenced javascript in an object stream": (
        {"compressed": {5}},
        {"extra_objects": {5: JS}},
        {"extra_objects": {5: b"<</Title (Inhoud)>>"}},
    ),
    "page additional action (/AA)": (
        {},
        {"page_extra": b" /AA <</O <</S /JavaScript /JS (this.exportDataObject())>>>>"},
        {"page_extra": b" /AA <</O " + GOTO + b">>"},
    ),
    "launch action in a link": (
        {"page_extra": b" /Annots [5 0 R]"},
        {"extra_objects": {5: LINK % b"/S /Launch /F (cmd.exe)"}},
        {"extra_objects": {5: LINK % b"/S /URI /URI (https://example.nl/)"}},
    ),
    "action type as an indirect object": (
        {},
        {"catalog_extra": b" /OpenAction <</S 5 0 R /F (cmd.exe)>>", "extra_objects": {5: b"/Launch"}},
        {"catalog_extra": b" /OpenAction <</S 5 0 R /D [3 0 R /Fit]>>", "extra_objects": {5: b"/GoTo"}},
    ),
    "javascript: link": (
        {},
        {"page_extra": b" /Annots [" + LINK % b"/S /URI /URI (javascript:x())" + b"]"},
        {"page_extra": b" /Annots [" + LINK % b"/S /URI /URI (mailto:a@b.nl)" + b"]"},
    ),
    "form that submits": (
        {"catalog_extra": b" /AcroForm <</Fields [5 0 R]>>"},
        {"extra_objects": {5: FIELD % (b"/Btn /T (verstuur)", b" /A <</S /SubmitForm /F (https://example.org/)>>")}},
        {"extra_objects": {5: FIELD % (b"/Tx /T (naam)", b"")}},
    ),
    "import data": (
        {},
        {"catalog_extra": b" /OpenAction <</S /ImportData /F (gegevens.fdf)>>"},
        {"catalog_extra": b" /OpenAction [3 0 R /Fit]"},
    ),
    "embedded file": (
        {},
        {
            "catalog_extra": b" /Names <</EmbeddedFiles <</Names [(a.exe) 5 0 R]>>>>",
            "extra_objects": {
                5: b"<</Type /Filespec /F (a.exe) /EF <</F 6 0 R>>>>",
                6: _stream(b"/Type /EmbeddedFile", b"MZ"),
            },
        },
        {"catalog_extra": b" /Names <</Dests <</Names [(begin) [3 0 R /Fit]]>>>>"},
    ),
    "javascript name tree": (
        {},
        {"catalog_extra": b" /Names <</JavaScript <</Names [(x) 5 0 R]>>>>", "extra_objects": {5: JS}},
        {"catalog_extra": b" /PageMode /UseOutlines"},
    ),
    "polyglot: a zip after the end": (
        {},
        {"trailing": b"PK\x03\x04" + b"\x14\x00" * 200 + b"PK\x05\x06" + b"\x00" * 18},
        {"trailing": b"\r\n"},
    ),
    "polyglot: html before the header": (
        {},
        {"leading": b"<html><script>alert(1)</script></html>\n"},
        {},
    ),
}

# name -> (hostile document, harmless twin)
CORPUS: dict[str, tuple[bytes, bytes]] = {
    name: (build_pdf(**shared, **hostile), build_pdf(**shared, **harmless))
    for name, (shared, hostile, harmless) in PAIRS.items()
}
