"""The floor for load_all: pandas (and geopandas/pyogrio for GeoJSON) only reading the same files.

Run as its own process by bench.py, like `manage.py load_all`, so both are timed the same way; prints one
JSON line with the seconds spent importing the libraries and reading the files.
"""

import json
import sys
import time
from pathlib import Path

started = time.perf_counter()
import geopandas  # noqa: E402
import pandas  # noqa: E402

imported = time.perf_counter()
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.suffix == ".csv":
        encoding = "cp1252" if "vestigingen" in path.name else "utf-8"
        delimiter = ";" if "vestigingen" in path.name or "vsv" in path.name else ","
        pandas.read_csv(path, sep=delimiter, encoding=encoding, dtype=str)
    elif path.suffix == ".geojson":
        geopandas.read_file(path)
done = time.perf_counter()
print(json.dumps({"import": imported - started, "read": done - imported}))
