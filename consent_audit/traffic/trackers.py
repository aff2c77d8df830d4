"""Who a third-party host is: the Ghostery Tracker Database as shipped in the npm package
@ghostery/trackerdb (pinned in package.json, installed into ./node_modules by `make setup` / `npm install`),
and whether a host is third party by registrable domain (eTLD+1).

Source and licence are recorded in consent_audit/assets/trackers.yaml (package, version, licence, file). The
database is read from `node_modules/@ghostery/trackerdb/dist/trackerdb.json` as installed - nothing is fetched
at run time and no copy of the data is kept in this repository (its licence, CC BY-NC-SA 4.0, is not the
suite's: see docs/traffic-sources.md). That file (about 3 MB) maps
- `domains`: {domain: pattern id} - a domain and all its subdomains belong to that tracker;
- `filters`: {adblock filter: pattern id} - of those, the host-only ones (`||host^` or `||host^$3p`) name a host
  and its subdomains; filters with a path or other options are not host facts and are not used here;
- `patterns`: {id: {name, category, organization, ...}}, `organizations`: {id: {name, ...}}.

Matching (`classify`): the host, lowercased, without port or trailing dot, then each parent domain in turn
(a.b.example.com, b.example.com, example.com); the longest match wins. A host the database does not know is
None: "not in the database", never "not a tracker".

Third party (`is_third_party`): two hosts are the same party when their registrable domains are equal, the
registrable domain being the public suffix plus one label from the Public Suffix List snapshot bundled in
tldextract (pinned in pyproject.toml; `suffix_list_urls=()` so it never fetches), private section included, as
browsers do for "site" (so foo.github.io and bar.github.io are different parties). An IP address, `localhost`
or a name under no known suffix is its own registrable domain.

Errors: UsageError (one line) when the database is not installed or not readable.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import UsageError
from ..paths import ASSETS, NODE_MODULES

SOURCE_FILE = ASSETS / "trackers.yaml"
HOST_FILTER = re.compile(r"\|\|([a-z0-9.-]+)\^(?:\$3p)?")


@dataclass(frozen=True)
class Tracker:
    """A host the tracker database knows. host: the database's domain that matched (the host asked about or
    one of its parents); name: the tracker's name ("Google Analytics"); company: its organisation's name or
    None; category: the database's category id ("advertising", "site_analytics", ...) or None; source:
    "<package>@<version>" of the database."""
    host: str
    name: str
    company: str | None
    category: str | None
    source: str


@dataclass(frozen=True)
class _Database:
    hosts: dict[str, str]          # domain or host → pattern id
    patterns: dict[str, dict]
    organizations: dict[str, dict]
    source: str


def source_record() -> dict:
    """The recorded source of the tracker data (consent_audit/assets/trackers.yaml): package, version,
    licence, file (relative to node_modules), upstream."""
    return yaml.safe_load(SOURCE_FILE.read_text(encoding="utf-8"))


def database_path(node_modules: Path = NODE_MODULES) -> Path:
    record = source_record()
    return node_modules / record["package"] / record["file"]


@lru_cache(maxsize=4)
def _load(node_modules: Path = NODE_MODULES) -> _Database:
    record = source_record()
    path = node_modules / record["package"] / record["file"]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = json.loads((node_modules / record["package"] / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"the tracker database {record['package']} is not installed or not readable "
                         f"({type(exc).__name__} at {path}); run `make setup` (npm install)") from None
    hosts: dict[str, str] = {}
    for rule, pattern in data.get("filters", {}).items():
        match = HOST_FILTER.fullmatch(rule)
        if match:
            hosts[match.group(1)] = pattern
    hosts.update(data.get("domains", {}))      # a domain entry wins over a host-only filter on the same name
    return _Database(hosts, data.get("patterns", {}), data.get("organizations", {}),
                     f"{record['package']}@{manifest.get('version', '?')}")


def tracker_names(node_modules: Path = NODE_MODULES) -> tuple[list[str], list[str]]:
    """Every tracker name and every company name the database holds (each list sorted, no duplicates)."""
    database = _load(node_modules)
    return (sorted({str(p.get("name") or "").strip() for p in database.patterns.values()} - {""}),
            sorted({str(o.get("name") or "").strip() for o in database.organizations.values()} - {""}))


def normalise_host(host: str) -> str:
    """Lowercase, no port, no trailing dot, no IPv6 brackets; accepts a URL's netloc ("user@Host:443")."""
    host = host.strip().rpartition("@")[2].lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def parents(host: str) -> list[str]:
    """The host and each parent domain, longest first: a.b.example.com → [a.b.example.com, b.example.com,
    example.com, com]."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def classify(host: str, node_modules: Path = NODE_MODULES) -> Tracker | None:
    """The tracker a host belongs to by the database (the host or its nearest listed parent), or None when the
    database does not list it. Raises UsageError when the database is not installed."""
    database = _load(node_modules)
    name = normalise_host(host)
    for candidate in parents(name):
        pattern_id = database.hosts.get(candidate)
        if pattern_id is None:
            continue
        pattern = database.patterns.get(pattern_id, {})
        organization = database.organizations.get(pattern.get("organization") or "", {})
        return Tracker(host=candidate, name=pattern.get("name") or pattern_id,
                       company=organization.get("name") or None, category=pattern.get("category") or None,
                       source=database.source)
    return None


@lru_cache(maxsize=1)
def _extractor():
    import tldextract
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """eTLD+1 of a host by the bundled Public Suffix List ("www.google-analytics.com" → "google-analytics.com");
    an IP address, `localhost` or a name under no known suffix is returned whole (normalised)."""
    name = normalise_host(host)
    result = _extractor()(name)
    if result.suffix and result.domain:
        return f"{result.domain}.{result.suffix}"
    return name


def is_third_party(host: str, first_party_host: str) -> bool:
    """True when `host` is not of the same registrable domain as `first_party_host` (the app's or site's own
    host): cdn.example.co.uk is first party to www.example.co.uk, connect.facebook.net is third party to it.
    Raises ValueError for an empty host."""
    if not normalise_host(host) or not normalise_host(first_party_host):
        raise ValueError("is_third_party needs two host names; got an empty one")
    return registrable_domain(host) != registrable_domain(first_party_host)
