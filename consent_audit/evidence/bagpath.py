"""A path to a bag folder that the bagit library reads correctly whatever the folder is called.

bagit 1.9 tells a tag manifest from a payload manifest by looking for "tagmanifest-" anywhere in the *whole
path*, so a bag under a folder whose name holds that word (a reports folder, a user's download folder) is
read with the wrong hash name. The bag is therefore opened through a symlink with a fixed name in a private
temporary folder."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def bag_path(folder: Path) -> Iterator[str]:
    """Yield a path (str) that leads to `folder` and holds no bagit keyword; removed on exit.

    Raises OSError when the temporary folder cannot be made (e.g. no temporary space)."""
    if "manifest-" not in str(folder.resolve()):
        yield str(folder)
        return
    private = tempfile.mkdtemp(prefix="consent-audit-bag-")
    link = os.path.join(private, "bag")
    try:
        os.symlink(folder.resolve(), link, target_is_directory=True)
        yield link
    finally:
        shutil.rmtree(private, ignore_errors=True)
