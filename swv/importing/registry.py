"""The registry of sources: every module in swv/importing/sources, in the order load_all imports them.

A source registers itself by subclassing Source with a `key`; its `order` puts it after what it needs
(boundaries, schools, the indeling, then figures). Adding a source means adding its module, no list here.
"""

import importlib
import pkgutil
from pathlib import Path

from swv.importing import sources as _sources_package
from swv.importing.base import Source, registered_sources
from swv.importing.detect import Detection, detect

for _module in pkgutil.iter_modules(_sources_package.__path__):
    importlib.import_module(f"{_sources_package.__name__}.{_module.name}")

SOURCES: dict[str, Source] = {
    cls.key: cls()
    for cls in sorted(registered_sources(), key=lambda cls: (cls.order, cls.key))
    if cls.__module__.startswith(f"{_sources_package.__name__}.")
}


def get_source(key: str) -> Source:
    try:
        return SOURCES[key]
    except KeyError:
        raise KeyError(f"onbekende bron {key!r}; kies uit: {', '.join(SOURCES)}") from None


def source_for_file(path: Path) -> Source | None:
    return detect_source(path).source


def detect_source(path: Path) -> Detection:
    """The source a file is, by its columns (see swv.importing.detect), with the reason when none fits."""
    return detect(path, list(SOURCES.values()))
