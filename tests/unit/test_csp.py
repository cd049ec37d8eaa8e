"""The Content-Security-Policy allows the page's own inline scripts by hash and nothing else."""

from __future__ import annotations

import base64
import hashlib

from generator.site_files.csp import add_policy, policy_for


def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_hashed() -> None:
    html = (
        "<html><head><script>var a=1</script>"
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script></head><body></body></html>'
    )
    digest = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    policy = policy_for(html)
    assert f"script-src 'self' 'sha256-{digest}';" in policy
    assert policy.count("sha256-") == 1
    assert policy.startswith("default-src 'self';")
    assert "object-src 'none'" in policy


def test_policy_goes_first_in_the_head() -> None:
    out = add_policy(
        '<html lang="en"><head><meta charset="utf-8"><script>x()</script></head></html>'
    )
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script>")
    assert add_policy("not html") == "not html"


def test_the_content_of_a_page_adds_no_hash() -> None:
    content = "<p>Text</p><script>alert(1)</script>"
    page = f"<html><head><script>theme()</script></head><body>{content}</body></html>"
    policy = add_policy(page, content)
    theme = base64.b64encode(hashlib.sha256(b"theme()").digest()).decode()
    smuggled = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    assert f"'sha256-{theme}'" in policy
    assert smuggled not in policy
    assert smuggled in add_policy(page)  # without saying which part is content
