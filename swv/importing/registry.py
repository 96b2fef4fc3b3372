"""The registry of sources: every module in swv/importing/sources, in the order load_all imports them.

A source registers itself by subclassing Source with a `key` and names in `after` the sources whose data
it reads; the registry sorts them so that each comes after those (graphlib). Adding a source means adding
its module, no list here.
"""

import graphlib
import importlib
import pkgutil
from collections.abc import Iterable
from pathlib import Path

from swv.importing import sources as _sources_package
from swv.importing.base import Source, registered_sources
from swv.importing.detect import Detection, detect


class SourceOrderError(Exception):
    """The sources' declared dependencies name an unknown source or go round in a circle."""


def dependency_order(classes: Iterable[type[Source]]) -> list[type[Source]]:
    """The sources with each after everything in its `after`; sources free at the same time by key, so the
    order is the same on every start."""
    by_key = {cls.key: cls for cls in classes}
    for cls in by_key.values():
        unknown = sorted(set(cls.after) - set(by_key))
        if unknown:
            raise SourceOrderError(f"bron {cls.key!r} noemt in after een onbekende bron: {', '.join(unknown)}")
    sorter = graphlib.TopologicalSorter({key: cls.after for key, cls in by_key.items()})
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        raise SourceOrderError(f"bronnen wachten in een kring op elkaar: {' -> '.join(error.args[1])}") from None
    ordered: list[type[Source]] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        ordered.extend(by_key[key] for key in ready)
        sorter.done(*ready)
    return ordered


for _module in pkgutil.iter_modules(_sources_package.__path__):
    importlib.import_module(f"{_sources_package.__name__}.{_module.name}")

SOURCES: dict[str, Source] = {
    cls.key: cls()
    for cls in dependency_order(
        cls for cls in registered_sources() if cls.__module__.startswith(f"{_sources_package.__name__}.")
    )
}


def get_source(key: str) -> Source:
    try:
        return SOURCES[key]
    except KeyError:
        raise KeyError(f"onbekende bron {key!r}; kies uit: {', '.join(SOURCES)}") from None


def detect_source(path: Path) -> Detection:
    """The source a file is, by its columns (see swv.importing.detect), with the reason when none fits."""
    return detect(path, list(SOURCES.values()))
