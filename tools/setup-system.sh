#!/usr/bin/env bash
# Installs the Debian packages the suite needs, only those missing (idempotent, prints what it does).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fonts="$(fc-list 2>/dev/null)"    # read whole: `fc-list | grep -q` fails under pipefail once grep stops early
grep -qi 'wenquanyi\|wqy' <<<"$fonts" || need+=(fonts-wqy-microhei)
# A font for each script the default sans-serif (DejaVu Sans: Latin, Cyrillic, Greek, Arabic, Georgian, Armenian,
# Hebrew) lacks: without one a screenshot (evidence) shows boxes for the words. Fonts for one script each, picked by
# fontconfig only for that script, so the default stays DejaVu Sans and what the suite measures on screenshots does
# not move — not fonts-noto-core, which takes the default over. Asked by language (fc-list :lang=…); Thai by name
# (fc-list :lang=th also lists DejaVu, which has no Thai glyphs). Urdu: DejaVu's Arabic lacks ٹ ڈ ڑ ں ے.
while read -r lang package; do
  [ -n "$(fc-list ":lang=$lang" 2>/dev/null)" ] || need+=("$package")
done <<'SCRIPTS'
hi fonts-lohit-deva
bn fonts-lohit-beng-bengali
ta fonts-lohit-taml
ur fonts-nafees
gu fonts-lohit-gujr
kn fonts-lohit-knda
ml fonts-lohit-mlym
te fonts-lohit-telu
pa fonts-lohit-guru
or fonts-lohit-orya
si fonts-lklug-sinhala
km fonts-khmeros
lo fonts-lao
my fonts-sil-padauk
am fonts-sil-abyssinica
bo fonts-tibetan-machine
SCRIPTS
grep -qi 'loma' <<<"$fonts" || need+=(fonts-tlwg-loma-ttf)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
if [ ${#need[@]} -eq 0 ]; then
  echo "==> system packages: present (chromium, chromedriver, fonts for CJK and the scripts DejaVu lacks, node)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "consent-audit setup: missing Debian packages: ${need[*]}; run as root or: sudo apt-get install -y ${need[*]}" >&2
  exit 2
fi
echo "==> apt-get install ${need[*]} (about a minute)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "==> system packages installed"
