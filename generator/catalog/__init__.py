"""The catalog: its model, loading, cross-references, addresses and editorial checks."""
