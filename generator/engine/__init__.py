"""Engine glue: the MkDocs plugin (the only code importing MkDocs) and the engine-free export."""
