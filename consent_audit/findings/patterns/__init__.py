"""One module per finding pattern, each defining `RULE`; the module name is the pattern id."""
