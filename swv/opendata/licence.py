"""The licence of the open data. Figures and their metadata are public domain (CC0 1.0), as DUO publishes
its own open data; the SWV's own documents and toelichtingen are theirs and are not covered."""

LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENCE_NAME = "CC0 1.0 Universeel"
LICENCE_TEXT = (
    "De cijfers en metadata van Passend onderwijs in beeld (downloads, API, catalogus en feeds) zijn "
    "vrijgegeven onder CC0 1.0 Universeel: vrij te gebruiken, ook zonder bronvermelding. De documenten en "
    "toelichtingen van de samenwerkingsverbanden vallen daar niet onder; de rechten daarop liggen bij de "
    "samenwerkingsverbanden zelf."
)
