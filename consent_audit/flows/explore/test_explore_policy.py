"""Privacy policy on an explored app: the suite's own policy flow, unchanged, over the ExploredApp. Its
sign-up and deletion are those the other goals of the same run explored; without them the figures that need
them (biometric gates, the deletion period, the permissions the app requests) are unmeasured."""
from consent_audit.flows.test_policy import test_privacy_policy

__all__ = ["test_privacy_policy"]
