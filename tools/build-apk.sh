#!/usr/bin/env bash
# Builds the reference app's Android wrapper (android/) into build/refapp-android.apk, offline, from
# Debian packages: no Gradle, no Android SDK download (the recipe: docs/android.md).
#
#   tools/build-apk.sh          the toolchain if missing, then the APK (signed with a local debug key)
#   tools/build-apk.sh tools    only the toolchain: aapt, zipalign, apksigner, a JDK (Debian 12), and
#                               android.jar (API 23) + dx from Debian 11 into .android-sdk/ (project-local)
#
# Idempotent. Any failure is one line on stderr and exit status 2.
# Environment: APK_SRC (sources, default android/), APK_OUT (the APK), APK_WORK (intermediates),
# ANDROID_BUILD_SDK (the toolchain folder, default .android-sdk/), DEBIAN_MIRROR (default: the system's).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SDK=${ANDROID_BUILD_SDK:-$ROOT/.android-sdk}
OUT=${APK_OUT:-$ROOT/build/refapp-android.apk}
WORK=${APK_WORK:-$ROOT/build/android}
SRC=${APK_SRC:-$ROOT/android}
AJ=$SDK/sdk/usr/share/java/com.android.android-23.jar
DX=$SDK/sdk/usr/share/java/com.android.dx.jar
KEYSTORE=$SDK/debug.keystore
LOG=$SDK/build.log

die() { echo "consent-audit build-apk: $*" >&2; exit 2; }

debian_tools() {
  local need=()
  for tool in aapt zipalign apksigner; do command -v "$tool" >/dev/null 2>&1 || need+=("$tool"); done
  { command -v javac && command -v keytool && command -v java; } >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${need[*]}; run as root or: sudo apt-get install -y --no-install-recommends ${need[*]}"
  echo "==> apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed; cannot install ${need[*]}"
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
      || die "apt-get install ${need[*]} failed"
  fi
}

debian_mirror() {
  local found=${DEBIAN_MIRROR:-}
  [ -n "$found" ] && { echo "$found"; return; }
  found=$(grep -h -m1 -oP '^URIs:\s*\K\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
  [ -n "$found" ] || found=$(grep -h -m1 -oP '^deb\s+(\[[^]]*\]\s+)?\K\S+' /etc/apt/sources.list 2>/dev/null | head -n1 || true)
  echo "$found"
}

# android.jar (API 23, with resources.arsc for aapt -I) and the dx dexer exist only in Debian 11: fetch
# them with a private apt state so the system's own sources are never touched.
bullseye_sdk() {
  [ -f "$AJ" ] && [ -f "$DX" ] && return 0
  local mirror state signed=""
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || die "no Debian mirror in /etc/apt; cannot fetch libandroid-23-java and dalvik-exchange (Debian 11)"
  state=$SDK/apt-alt
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$SDK/debs" "$SDK/sdk"
  touch "$state/status"
  [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] && signed="[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
  echo "deb ${signed}${mirror} bullseye main" > "$state/sources.list"
  local apt_opts=(-o "Dir::Etc::sourcelist=$state/sources.list" -o Dir::Etc::sourceparts=/nonexistent
                  -o "Dir::State::Lists=$state/lists" -o "Dir::State::status=$state/status"
                  -o "Dir::Cache=$state/cache")
  echo "==> fetching libandroid-23-java and dalvik-exchange (Debian 11) into ${SDK#"$ROOT"/}"
  { apt-get "${apt_opts[@]}" update && (cd "$SDK/debs" && apt-get "${apt_opts[@]}" download libandroid-23-java dalvik-exchange); } \
    >"$SDK/fetch.log" 2>&1 \
    || die "could not fetch libandroid-23-java and dalvik-exchange from Debian 11 (bullseye) at $mirror (see $SDK/fetch.log): bullseye may have moved to archive.debian.org"
  local deb
  for deb in "$SDK"/debs/*.deb; do dpkg-deb -x "$deb" "$SDK/sdk"; done
  if [ ! -f "$AJ" ] || [ ! -f "$DX" ]; then
    die "the fetched packages hold no android.jar or dx.jar (looked for $AJ and $DX)"
  fi
}

toolchain() {
  mkdir -p "$SDK"
  debian_tools
  bullseye_sdk
}

build() {
  [ -f "$SRC/AndroidManifest.xml" ] || die "no $SRC/AndroidManifest.xml"
  mkdir -p "$(dirname "$OUT")"
  rm -rf "$WORK"
  mkdir -p "$WORK/gen" "$WORK/obj" "$WORK/dex"
  : > "$LOG"
  if [ ! -f "$KEYSTORE" ]; then
    keytool -genkeypair -keystore "$KEYSTORE" -storepass android -keypass android -alias androiddebugkey \
      -keyalg RSA -keysize 2048 -validity 10000 -dname "CN=Android Debug,O=Android,C=US" >>"$LOG" 2>&1 \
      || die "keytool could not create the debug keystore (see $LOG)"
  fi
  echo "==> aapt, javac, dx, zipalign, apksigner → ${OUT#"$ROOT"/}"
  aapt package -f -m -J "$WORK/gen" -M "$SRC/AndroidManifest.xml" -S "$SRC/res" -I "$AJ" >>"$LOG" 2>&1 \
    || die "aapt could not compile the resources (see $LOG)"
  local sources=()
  mapfile -t sources < <(find "$SRC/src" "$WORK/gen" -name '*.java' | sort)
  javac -source 8 -target 8 -encoding UTF-8 -Xlint:-options -bootclasspath "$AJ" -d "$WORK/obj" "${sources[@]}" >>"$LOG" 2>&1 \
    || die "javac failed (see $LOG)"
  java -jar "$DX" --dex --min-sdk-version=21 --output="$WORK/dex/classes.dex" "$WORK/obj" >>"$LOG" 2>&1 \
    || die "dx failed (see $LOG)"
  aapt package -f -M "$SRC/AndroidManifest.xml" -S "$SRC/res" -I "$AJ" -F "$WORK/unsigned.apk" >>"$LOG" 2>&1 \
    || die "aapt could not package the APK (see $LOG)"
  (cd "$WORK/dex" && aapt add -f "$WORK/unsigned.apk" classes.dex) >>"$LOG" 2>&1 || die "aapt add classes.dex failed (see $LOG)"
  zipalign -f -p 4 "$WORK/unsigned.apk" "$WORK/aligned.apk" >>"$LOG" 2>&1 || die "zipalign failed (see $LOG)"
  apksigner sign --ks "$KEYSTORE" --ks-pass pass:android --key-pass pass:android --out "$OUT" "$WORK/aligned.apk" >>"$LOG" 2>&1 \
    || die "apksigner could not sign the APK (see $LOG)"
  apksigner verify "$OUT" >>"$LOG" 2>&1 || die "apksigner does not verify $OUT (see $LOG)"
  rm -f "$OUT.idsig"
  echo "==> built $(stat -c %s "$OUT") bytes: ${OUT#"$ROOT"/}"
}

case "${1:-build}" in
  tools) toolchain ;;
  build) toolchain; build ;;
  *) die "unknown command '$1'; use: tools/build-apk.sh [tools|build]" ;;
esac
