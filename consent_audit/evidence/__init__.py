"""Evidence bundles: a BagIt bag per run with custody fields, a case officer's summary, optional trusted time."""
