"""Account deletion on an explored app: the suite's own deletion flow, unchanged, over the ExploredApp."""
from consent_audit.flows.test_deletion import test_account_deletion

__all__ = ["test_account_deletion"]
