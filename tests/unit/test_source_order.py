"""load_all's order: each source after the sources it declares in `after`, a circle or unknown name refused."""

import pytest

from swv.importing.registry import SOURCES, SourceOrderError, dependency_order


def source(key, *after):
    # dependency_order reads only key and after; a real Source subclass would register itself
    return type(key, (), {"key": key, "after": after})


def test_every_source_comes_after_what_it_declares():
    position = {key: index for index, key in enumerate(SOURCES)}
    for key, src in SOURCES.items():
        assert all(position[needed] < position[key] for needed in src.after), key
    assert list(SOURCES)[0] == "cbs_gemeentegrenzen"
    assert position["regio_pc4"] < position["leerlingen"] < position["duo_leerlingen_po"]


def test_what_waits_for_one_region_source_waits_for_both():
    # A folder with only the gemeente indeling (no PC4 file) must still create the SWV's before the figures.
    def needs(key):
        return {needed for direct in SOURCES[key].after for needed in (direct, *needs(direct))}

    for key in set(SOURCES) - {"regio_pc4", "regio_gemeente"}:
        if "regio_pc4" in needs(key):
            assert "regio_gemeente" in needs(key), key


def test_independent_sources_are_ordered_by_key():
    ordered = dependency_order([source("c", "a"), source("b"), source("a")])
    assert [cls.key for cls in ordered] == ["a", "b", "c"]


def test_a_circle_fails_loudly():
    with pytest.raises(SourceOrderError, match="kring"):
        dependency_order([source("a", "b"), source("b", "c"), source("c", "a")])


def test_an_unknown_source_fails_loudly():
    with pytest.raises(SourceOrderError, match="onbekende bron: regio_pc5"):
        dependency_order([source("leerlingen", "regio_pc5")])
