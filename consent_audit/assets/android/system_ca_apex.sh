#!/system/bin/sh
# Trust a CA as a *system* CA on Android 14+ (API 34+), where the system store is read from the APEX module
# /apex/com.android.conscrypt/cacerts (immutable, one mount per process namespace). Run as root on the device
# (`adb root` on a userdebug/eng image, e.g. an emulator's "Google APIs" image), after pushing the certificate
# as /data/local/tmp/<subject_hash_old>.0:   sh /data/local/tmp/consent-audit-system-ca.sh <hash>.0
# Approach published by HTTP Toolkit ("Android 14 blocks modification of system certificates, even as root",
# 2023): copy the current store to a tmpfs, add the CA, then bind-mount it over the APEX path in zygote's
# namespace and in every running app's namespace. Lasts until reboot; apps started later inherit it from zygote.
set -e
CERT="$1"
[ -n "$CERT" ] && [ -f "/data/local/tmp/$CERT" ] || { echo "usage: $0 <hash>.0 (pushed to /data/local/tmp)"; exit 2; }
STORE=/system/etc/security/cacerts
COPY=/data/local/tmp/consent-audit-ca-copy
mkdir -p -m 700 "$COPY"
cp /apex/com.android.conscrypt/cacerts/* "$COPY"/
mount -t tmpfs tmpfs "$STORE"
mv "$COPY"/* "$STORE"/
cp "/data/local/tmp/$CERT" "$STORE"/
chown root:root "$STORE"/*
chmod 644 "$STORE"/*
chcon u:object_r:system_file:s0 "$STORE"/*
ZYGOTES="$(pidof zygote || true) $(pidof zygote64 || true)"
for Z in $ZYGOTES; do
  nsenter --mount=/proc/$Z/ns/mnt -- /bin/mount --bind "$STORE" /apex/com.android.conscrypt/cacerts
done
for P in $(echo "$ZYGOTES" | xargs -n1 ps -o PID -P | grep -v PID); do
  nsenter --mount=/proc/$P/ns/mnt -- /bin/mount --bind "$STORE" /apex/com.android.conscrypt/cacerts &
done
wait
rmdir "$COPY"
echo "system CA $CERT trusted until reboot"
