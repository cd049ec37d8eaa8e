"""Performance devices, each measured by `make bench` (docs/performance.md)."""
