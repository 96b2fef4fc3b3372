"""The importer framework: columns, readers, problems, sync; the sources themselves are in sources/."""
