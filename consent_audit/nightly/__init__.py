"""The nightly farm's view across runs: diff against a baseline (diff), key figures (figures), the trend page
(trend), retention of run folders (retention), the Allure history carried between runs (history) and the
progress line of a long run (progress)."""
