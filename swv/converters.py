"""Path converters every urlconf may use: <swvcode:code>, <gemeentecode:code> and <tabelformaat:fmt> (registered
by the swv app)."""

from swv.codes import SWV_CODE_PATTERN, gemeente_code, normalize_swv_code


class SwvCodeConverter:
    """URL part for an SWV code in every spelling the sector writes (po3009, PO 30-09, P0-30.09), read as the
    canonical code; the view redirects a request in another spelling to the canonical address."""

    regex = SWV_CODE_PATTERN

    def to_python(self, value: str) -> str:
        code = normalize_swv_code(value)
        if code is None:  # the regex is the one normalize_swv_code reads
            raise ValueError(value)
        return code

    def to_url(self, value: str) -> str:
        return value


class GemeenteCodeConverter:
    """URL part for a CBS gemeente code: GM0363, any case."""

    regex = "[Gg][Mm][0-9]{4}"

    def to_python(self, value: str) -> str:
        return gemeente_code(value) or value

    def to_url(self, value: str) -> str:
        return value


class TableFormatConverter:
    """The format of a downloadable table: csv (for Excel) or json."""

    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


CONVERTERS = {
    "swvcode": SwvCodeConverter,
    "gemeentecode": GemeenteCodeConverter,
    "tabelformaat": TableFormatConverter,
}
