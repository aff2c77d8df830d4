"""Consent dialog on an explored app: the suite's own consent flow, unchanged, over the ExploredApp (its
choices are taken as the elements the explorer found, through `journeys.consent_elements`)."""
from consent_audit.flows.test_consent import test_consent_dialog

__all__ = ["test_consent_dialog"]
