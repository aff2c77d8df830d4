"""Deny-paths and nagging on an explored app: the suite's own permission flow, unchanged, over the ExploredApp
(the permissions are those the exploration saw the app ask for)."""
from consent_audit.flows.test_permissions import test_permissions

__all__ = ["test_permissions"]
