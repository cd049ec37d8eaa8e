"""Unit tests: no whole-site build, no browser; `make test-fast` runs them (about 75 seconds).

A test that builds a site belongs in tests/site, one that drives a browser in tests/browser.
"""
