"""Helper modules for tests that are too large for a conftest.py (not collected as tests)."""
