#!/usr/bin/env bash
# Installs the .deb on a freshly bootstrapped Debian 12 (a debootstrap folder, no Docker) with
# `apt install ./fluxolab_*.deb`, then starts FluxoLab from its menu entry (gtk-launch reads the
# installed fluxolab.desktop, as a desktop menu does) on an Xvfb screen of 1366x768 with no window
# manager, and checks that the window opened inside the screen. Saves a screenshot.
#
#   sudo tests/package/fresh_debian.sh DEB [WORKDIR]      (root: debootstrap and chroot)
#
# Not part of ./fluxolab.sh test: it downloads about 300 MB from Debian's mirror and takes 5-10 min.
# WORKDIR (default /var/tmp/fluxolab-fresh-debian) keeps the bootstrapped base between runs; the
# system the package is installed into is a fresh copy of it every time.
set -euo pipefail
DEB=$(realpath "$1")
WORK=${2:-/var/tmp/fluxolab-fresh-debian}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot)"; exit 1; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
mkdir -p "$WORK"

BASE=$WORK/base
if [ ! -x "$BASE/usr/bin/apt-get" ]; then
  echo "== debootstrap bookworm (minbase) into $BASE"
  debootstrap --variant=minbase bookworm "$BASE" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    { tail -20 "$WORK/debootstrap.log"; exit 1; }
fi
ROOT=$WORK/root
cleanup() { umount "$ROOT/proc" 2>/dev/null || true; }
trap cleanup EXIT
cleanup
rm -rf "$ROOT" && cp -a "$BASE" "$ROOT"
mount -t proc proc "$ROOT/proc"
cp "$DEB" "$ROOT/tmp/"
NAME=$(basename "$DEB")

echo "== apt install ./$NAME"
chroot "$ROOT" sh -c "apt-get update -qq && cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./$NAME" \
  >"$WORK/install.log" 2>&1 || { tail -30 "$WORK/install.log"; exit 1; }
chroot "$ROOT" dpkg -s fluxolab | grep -E '^(Status|Version):'

# The test harness only (not the package's dependencies): a display, the menu launcher, a screenshot.
chroot "$ROOT" sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth x11-utils x11-apps libgtk-3-bin netpbm' \
  >"$WORK/harness.log" 2>&1 || { tail -30 "$WORK/harness.log"; exit 1; }

cat >"$ROOT/tmp/menu.sh" <<'RUN'
#!/bin/sh
set -e
export HOME=/root LANG=C.UTF-8 XDG_DATA_DIRS=/usr/share
Xvfb :7 -screen 0 1366x768x24 >/tmp/xvfb.log 2>&1 &
XPID=$!
sleep 2
export DISPLAY=:7
gtk-launch fluxolab >/tmp/launch.log 2>&1 &
sleep 15
xwininfo -root -tree >/tmp/tree.txt
xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >/tmp/menu.png
pgrep -x fluxolab >/dev/null && echo running || echo not-running
pkill -x fluxolab || true
sleep 1
kill $XPID
RUN
chmod +x "$ROOT/tmp/menu.sh"
echo "== start from the menu entry (gtk-launch fluxolab) on a 1366x768 screen"
STATE=$(chroot "$ROOT" /tmp/menu.sh)
cp "$ROOT/tmp/menu.png" "$WORK/menu.png"
[ "$STATE" = running ] || { cat "$ROOT/tmp/launch.log"; echo "FAIL: fluxolab did not start from its menu entry"; exit 1; }
# The main window: "FluxoLab — ..." WIDTHxHEIGHT+X+Y; it must lie inside the 1366x768 screen.
GEOM=$(grep -m1 '"FluxoLab — ' "$ROOT/tmp/tree.txt" | grep -oE '[0-9]+x[0-9]+\+[0-9]+\+[0-9]+' | head -n 1)
[ -n "$GEOM" ] || { cat "$ROOT/tmp/tree.txt"; echo "FAIL: no FluxoLab main window"; exit 1; }
IFS='x+' read -r W H X Y <<<"$GEOM"
echo "main window: ${W}x${H} at +$X+$Y (screen 1366x768)"
if [ $((X + W)) -gt 1366 ] || [ $((Y + H)) -gt 768 ]; then
  echo "FAIL: the window is larger than the screen"; exit 1
fi
echo "OK: installed with apt on a fresh Debian 12 and started from the menu; screenshot $WORK/menu.png"
