"""Performance devices that earn their keep, each measured by `scripts/bench_devices.py`
(docs/performance.md)."""
