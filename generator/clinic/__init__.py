"""The clinic's settings (`mkdocs.yml`) and its hand-written pages in `content/`."""
