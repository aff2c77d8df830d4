"""Page objects, one package per audited app (the reference app in `refapp`)."""
