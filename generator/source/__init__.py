"""Reading the source: YAML with the position of every key and value, located problems."""
