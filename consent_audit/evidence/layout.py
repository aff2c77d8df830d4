"""Names inside an evidence bundle, shared by the maker and the verifier."""
from __future__ import annotations

ALGORITHM = "sha256"
BAGIT_VERSION = "1.0"                                  # RFC 8493
MANIFEST = f"manifest-{ALGORITHM}.txt"
TAGMANIFEST = f"tagmanifest-{ALGORITHM}.txt"
REQUIRED = ("bagit.txt", "bag-info.txt", MANIFEST, TAGMANIFEST)

# The token covers the tag manifest, so it is the one file the tag manifest cannot list; bag-info.txt
# (which the tag manifest covers) declares it, so removing it is detected.
TOKEN = "timestamp/tagmanifest-sha256.tsr"
TSA_CERTS = "timestamp/tsa-certs.pem"
TOKEN_FIELD = "Timestamp-Token"
TSA_CERTS_FIELD = "Timestamp-Certificates"

SUMMARY_HTML = "summary.html"
SUMMARY_PDF = "summary.pdf"
RUN_METADATA = "run.json"


def bundle_name(run_id: str) -> str:
    return f"evidence-{run_id}"
