"""Path converters every urlconf may use: <swvcode:code> and <tabelformaat:fmt> (registered by the swv app)."""


class SwvCodeConverter:
    """URL part for an SWV code: PO3009 / VO2001, any case; the view redirects to the canonical spelling."""

    regex = "[PpVv][Oo][0-9]{4}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value


class TableFormatConverter:
    """The format of a downloadable table: csv (for Excel) or json."""

    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


CONVERTERS = {"swvcode": SwvCodeConverter, "tabelformaat": TableFormatConverter}
