"""The goal-directed explorer: audits an app nobody wrote page objects for.

Given only how to launch an app, it searches the app's screens best-first toward a goal (delete the
account, deny a permission, answer the consent dialog), scored by the lexicons in assets/lexicons. The
shortest path it finds is then re-walked from a fresh state by `ExploredApp`, which implements the
journeys of consent_audit.journeys, so the suite's own flows and consent_audit.measures measure it
exactly as they measure page objects. See docs/explorer.md.
"""
