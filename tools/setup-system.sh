#!/usr/bin/env bash
# Installs the Debian packages the suite needs, only those missing (idempotent, prints what it does).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || need+=(fonts-wqy-microhei)
# Devanagari (Hindi …): without a font for it a screenshot (evidence) shows boxes for the words. Fonts for one
# script only, so the default sans-serif stays DejaVu Sans (Latin, Cyrillic, Greek, Arabic, Georgian, Hebrew) and
# what the suite measures on screenshots does not move; not fonts-noto-core, which takes the default over.
[ -n "$(fc-list :lang=hi 2>/dev/null)" ] || need+=(fonts-lohit-deva)
# Bengali, the same way (a Bengali app's evidence was boxes: the corpus has one)
[ -n "$(fc-list :lang=bn 2>/dev/null)" ] || need+=(fonts-lohit-beng-bengali)
# Thai, the same way (one sans font; fc-list :lang=th also lists DejaVu, which has no Thai glyphs: ask by name)
fc-list 2>/dev/null | grep -qi 'loma' || need+=(fonts-tlwg-loma-ttf)
# Tamil, and Urdu (DejaVu's Arabic lacks Urdu's own letters ٹ ڈ ڑ ں ے): one font each, picked by fontconfig only
# for pages in that language (Arabic and Persian pages stay DejaVu Sans) — a Tamil app's evidence was boxes
[ -n "$(fc-list :lang=ta 2>/dev/null)" ] || need+=(fonts-lohit-taml)
[ -n "$(fc-list :lang=ur 2>/dev/null)" ] || need+=(fonts-nafees)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
if [ ${#need[@]} -eq 0 ]; then
  echo "==> system packages: present (chromium, chromedriver, CJK, Devanagari, Bengali, Thai, Tamil and Urdu fonts, node)"
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
