#!/usr/bin/env bash
# Installs the Appium drivers the suite uses into APPIUM_HOME (project-local), only those missing.
set -euo pipefail
: "${APPIUM_HOME:?set APPIUM_HOME to the project .appium folder (make does)}"
mkdir -p "$APPIUM_HOME"
appium="node node_modules/appium/index.js"
installed=$($appium driver list --installed --json 2>/dev/null || echo '{}')
while read -r name pkg; do
  [ -n "$name" ] || continue
  if echo "$installed" | grep -q "\"$name\""; then
    echo "==> appium driver $name: present"
  else
    echo "==> appium driver install $pkg"
    $appium driver install --source=npm "$pkg" >/dev/null
  fi
done < tools/appium-drivers.txt
