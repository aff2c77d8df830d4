"""Pure detector functions: screenshot measurements and UI-text parsers."""
