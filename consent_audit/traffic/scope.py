"""Whether a run measures traffic at all, as the flows' rules need to know: traffic left out by the user's
choice (`--traffic off`, or `traffic: off` in the device profile) puts the traffic rules out of the audit's
scope ("not checked", listed in the report); traffic that simply could not be captured (an app on a device
whose profile sets up no proxy) leaves them unmeasured, so the audit ends broken and says how to capture it."""
from __future__ import annotations

from .measure import FIGURES

POLICY_FIGURES = ("data_sent_before_policy", "policy_third_parties", "hosts_contacted")
"""The policy flow's figures read from the traffic (consent_audit.flows.test_policy)."""

NOT_CAPTURED = ("the traffic was not captured: set `traffic: proxy` in the device profile (see `consent-audit "
                "proxy-setup` and docs/traffic.md), or pass --traffic off to audit without it")


def traffic_figures() -> tuple[str, ...]:
    """Every metric the flows take from the captured traffic."""
    return tuple(dict.fromkeys(FIGURES + POLICY_FIGURES))


def left_out(option: str, profile_traffic: str | None, mode: str) -> str | None:
    """Why traffic is out of this run's scope (None when it is captured, or when it could not be).

    `option`: the --traffic option (auto | cdp | proxy | off); `profile_traffic`: the profile's `traffic`
    field or None; `mode`: what consent_audit.traffic.capture.choose_mode made of them."""
    if mode != "off":
        return None
    if option == "off":
        return "traffic capture off (--traffic off)"
    if option == "auto" and profile_traffic == "off":
        return "traffic capture off (the device profile's `traffic: off`)"
    return None


__all__ = ["POLICY_FIGURES", "NOT_CAPTURED", "traffic_figures", "left_out"]
