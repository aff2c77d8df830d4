"""Tracker hosts by the installed Ghostery Tracker Database, and third party by registrable domain (eTLD+1)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_audit.errors import UsageError
from consent_audit.paths import ROOT
from consent_audit.traffic.trackers import (Tracker, classify, is_third_party, registrable_domain,
                                            source_record)


@pytest.mark.parametrize("host, name, company, category, matched", [
    ("www.google-analytics.com", "Google Analytics", "Google", "site_analytics", "google-analytics.com"),
    ("connect.facebook.net", "Facebook Connect", "Meta", "site_analytics", "connect.facebook.net"),  # host filter
    ("www.facebook.net", "Facebook", "Meta", "advertising", "facebook.net"),
    ("alog.umeng.com", "Umeng", "Umeng", "site_analytics", "umeng.com"),
    ("STATS.G.DOUBLECLICK.NET.:443", "Google Marketing Platform", "Google", "advertising", "g.doubleclick.net"),
])
def test_known_trackers_by_host_or_parent(host: str, name: str, company: str, category: str,
                                          matched: str) -> None:
    tracker = classify(host)
    assert isinstance(tracker, Tracker)
    assert (tracker.name, tracker.category, tracker.host) == (name, category, matched)
    assert tracker.company == company
    assert tracker.source == f"@ghostery/trackerdb@{source_record()['version']}"


@pytest.mark.parametrize("host", ["shop.example.org", "127.0.0.1", "localhost", "google-analytics.com.evil.example",
                                  "notfacebook.net"])
def test_unknown_hosts_are_none(host: str) -> None:
    assert classify(host) is None


def test_missing_database_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not installed") as caught:
        classify("www.google-analytics.com", node_modules=tmp_path)
    assert "\n" not in str(caught.value)


def test_recorded_source_matches_the_pin_and_the_installed_package() -> None:
    record = source_record()
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert pins[record["package"]] == record["version"]
    installed = json.loads((ROOT / "node_modules" / record["package"] / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == record["version"]
    assert installed["license"] == record["licence"]


@pytest.mark.parametrize("host, domain", [
    ("www.google-analytics.com", "google-analytics.com"),
    ("a.b.example.co.uk", "example.co.uk"),
    ("foo.github.io", "foo.github.io"),
    ("Example.COM.", "example.com"),
    ("127.0.0.1:8765", "127.0.0.1"),
    ("[::1]:443", "::1"),
    ("localhost", "localhost"),
])
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


@pytest.mark.parametrize("host, first, third", [
    ("connect.facebook.net", "www.example.co.uk", True),
    ("cdn.example.co.uk", "www.example.co.uk", False),
    ("example.co.uk", "www.example.co.uk", False),
    ("other.co.uk", "www.example.co.uk", True),
    ("bar.github.io", "foo.github.io", True),
    ("127.0.0.1", "127.0.0.1:8765", False),
    ("www.google-analytics.com", "127.0.0.1", True),
])
def test_is_third_party(host: str, first: str, third: bool) -> None:
    assert is_third_party(host, first) is third


def test_is_third_party_rejects_empty_host() -> None:
    with pytest.raises(ValueError):
        is_third_party("", "example.com")


def test_recorded_public_suffix_source_matches_the_pin() -> None:
    import importlib.metadata
    import tomllib
    record = source_record()["public_suffix_list"]
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert f"{record['package']}=={record['version']}" in pins
    assert importlib.metadata.version(record["package"]) == record["version"]
