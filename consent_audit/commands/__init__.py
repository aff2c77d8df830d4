"""The subcommands of `consent-audit`, one module each."""
