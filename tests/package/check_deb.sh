#!/usr/bin/env bash
# Builds the .deb with CPack, checks its contents and dependencies with dpkg-deb, unpacks it into a
# fresh folder and runs fluxolab-cli and `fluxolab --screenshot` from there, with the source and build
# trees out of reach (hidden behind empty tmpfs mounts when unshare is allowed, e.g. as root; in any
# case the data folders the programs report must be inside the unpacked tree).
#   check_deb.sh SOURCE_DIR BUILD_DIR SANITIZE(ON|OFF)
# Exit codes: 0 ok, 1 a check failed, 77 skipped (sanitizer build).
set -euo pipefail
SRC=$(realpath "$1")
BUILD=$(realpath "$2")
SANITIZE=${3:-OFF}

if [ "$SANITIZE" = ON ]; then
  echo "package test: skipped in the sanitizer build (an instrumented .deb is not a product)"
  exit 77
fi
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (install cmake and dpkg-dev)"; exit 1; }
done

WORK=$(mktemp -d /tmp/fluxolab-package-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. Build the package (its own staging folder: never touches the build tree's _CPack_Packages).
(cd "$BUILD" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/out" >"$WORK/cpack.log" 2>&1) ||
  { cat "$WORK/cpack.log"; fail "cpack -G DEB failed"; }
DEBS=("$WORK"/out/fluxolab_*.deb)
[ ${#DEBS[@]} -eq 1 ] && [ -f "${DEBS[0]}" ] || fail "expected one fluxolab_*.deb, got: ${DEBS[*]}"
DEB=${DEBS[0]}
echo "package: $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"

# 2. Contents.
dpkg-deb -c "$DEB" | awk '{print $NF}' | sed 's|^\./|/|' >"$WORK/contents"
need() { grep -qx "$1" "$WORK/contents" || fail "missing in the package: $1"; }
need /usr/bin/fluxolab
need /usr/bin/fluxolab-cli
need /usr/share/applications/fluxolab.desktop
need /usr/share/metainfo/io.github.fluxolab.FluxoLab.metainfo.xml
need /usr/share/icons/hicolor/scalable/apps/fluxolab.svg
need /usr/share/fluxolab/traces/
for f in "$SRC"/assets/scenarios/*.json; do need "/usr/share/fluxolab/scenarios/$(basename "$f")"; done
for f in "$SRC"/labs/content/*.json; do need "/usr/share/fluxolab/labs/$(basename "$f")"; done
if [ -d "$SRC/assets/traces" ]; then
  (cd "$SRC/assets/traces" && find . -type f) | sed 's|^\./||' | while read -r f; do need "/usr/share/fluxolab/traces/$f"; done
fi
if grep -v '^/usr/' "$WORK/contents" | grep -vx '/' | grep -q .; then
  fail "files outside /usr: $(grep -v '^/usr/' "$WORK/contents" | grep -vx '/' | head -3)"
fi

# 3. Control fields: dependencies are Debian package names, the libraries come from dpkg-shlibdeps.
dpkg-deb -I "$DEB" >"$WORK/info"
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
echo "Depends: $DEPENDS"
[ "$(dpkg-deb -f "$DEB" Package)" = fluxolab ] || fail "Package is not fluxolab"
for pkg in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libqcustomplot2.1-qt6 \
           qt6-translations-l10n fonts-dejavu-core fonts-dejavu-extra; do
  echo "$DEPENDS" | tr ',|' '\n\n' | sed 's/^ *//; s/[ (].*//' | grep -qx "${pkg%%:*}" || fail "Depends lacks $pkg"
done
echo "$DEPENDS" | grep -q '/' && fail "Depends names a path: $DEPENDS"

# 4. Desktop entry and AppStream metadata are valid (the tools come with fluxolab.sh's PACKAGES).
dpkg-deb -x "$DEB" "$WORK/root"
ROOT="$WORK/root"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$ROOT/usr/share/applications/fluxolab.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$ROOT/usr/share/metainfo/io.github.fluxolab.FluxoLab.metainfo.xml" >"$WORK/as.log" 2>&1 ||
    { cat "$WORK/as.log"; fail "appstreamcli validate"; }
fi
grep -q '^Exec=fluxolab$' "$ROOT/usr/share/applications/fluxolab.desktop" || fail "desktop entry does not start fluxolab"
for exe in fluxolab fluxolab-cli; do
  if readelf -d "$ROOT/usr/bin/$exe" | grep -Eq 'RPATH|RUNPATH'; then fail "$exe keeps an RPATH"; fi
  if grep -aq "$BUILD" "$ROOT/usr/bin/$exe"; then echo "note: $exe mentions the build folder (debug paths only)"; fi
done

# 5. Run the unpacked programs with nothing from the source or build tree.
cat >"$WORK/run.sh" <<'RUN'
#!/usr/bin/env bash
set -euo pipefail
ROOT=$1 SRC=$2 BUILD=$3 OUT=$4
if [ -e "$SRC/CMakeLists.txt" ] || [ -e "$BUILD/CMakeCache.txt" ]; then echo "trees-visible"; else echo "trees-hidden"; fi
cd "$OUT"
"$ROOT/usr/bin/fluxolab-cli" paths >paths.txt
"$ROOT/usr/bin/fluxolab-cli" lab list --lang en >labs.txt
"$ROOT/usr/bin/fluxolab-cli" simulate rebalance-basico --until 10s >simulate.txt
QT_QPA_PLATFORM=offscreen "$ROOT/usr/bin/fluxolab" --scenario rebalance-basico --at 20s --lang pt_PT \
  --size 1366x768 --screenshot "$OUT/scenario.png" >app1.log 2>&1
QT_QPA_PLATFORM=offscreen "$ROOT/usr/bin/fluxolab" --lab "$(cut -f1 labs.txt | head -n 1)" --lang en \
  --screenshot "$OUT/lab.png" >app2.log 2>&1
RUN
chmod +x "$WORK/run.sh"
mkdir -p "$WORK/run" "$WORK/home" && chmod 700 "$WORK/home"
RUNENV=(env -i PATH=/usr/bin:/bin HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_RUNTIME_DIR="$WORK/home" LANG=C.UTF-8)
if unshare --mount --propagation private true 2>/dev/null; then
  HIDE="mount -t tmpfs none '$SRC'; mount -t tmpfs none '$BUILD' 2>/dev/null || true;"
  "${RUNENV[@]}" unshare --mount --propagation private sh -c "$HIDE exec '$WORK/run.sh' '$ROOT' '$SRC' '$BUILD' '$WORK/run'" >"$WORK/run.log" 2>&1 ||
    { cat "$WORK/run.log" "$WORK"/run/*.log 2>/dev/null; fail "running the unpacked programs (source and build trees hidden)"; }
else
  "${RUNENV[@]}" "$WORK/run.sh" "$ROOT" "$SRC" "$BUILD" "$WORK/run" >"$WORK/run.log" 2>&1 ||
    { cat "$WORK/run.log" "$WORK"/run/*.log 2>/dev/null; fail "running the unpacked programs"; }
fi
echo "run: $(head -n 1 "$WORK/run.log") (unshare: the source and build trees are hidden when allowed)"
cat "$WORK/run/paths.txt"
while IFS=$'\t' read -r kind dir; do
  case "$dir" in
    "$ROOT"/usr/share/fluxolab/"$kind") ;;
    *) fail "$kind read from $dir, not from the unpacked package" ;;
  esac
done <"$WORK/run/paths.txt"
[ "$(wc -l <"$WORK/run/paths.txt")" -eq 3 ] || fail "fluxolab-cli paths printed $(wc -l <"$WORK/run/paths.txt") lines"
NLABS=$(ls "$SRC"/labs/content/*.json | grep -vc 'lab.schema.json')
[ "$(wc -l <"$WORK/run/labs.txt")" -eq "$NLABS" ] || fail "fluxolab-cli lab list: $(cat "$WORK/run/labs.txt")"
grep -q '^scenario: ' "$WORK/run/simulate.txt" || fail "fluxolab-cli simulate: $(cat "$WORK/run/simulate.txt")"
for png in scenario lab; do
  f="$WORK/run/$png.png"
  [ -s "$f" ] || fail "no screenshot $png.png"
  [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png.png is not a PNG"
  [ "$(stat -c %s "$f")" -gt 20000 ] || fail "$png.png is suspiciously small"
done
if [ -n "${FLUXOLAB_PACKAGE_KEEP:-}" ]; then
  mkdir -p "$FLUXOLAB_PACKAGE_KEEP" && cp "$DEB" "$WORK"/run/*.png "$FLUXOLAB_PACKAGE_KEEP"/
  echo "kept the package and screenshots in $FLUXOLAB_PACKAGE_KEEP"
fi
echo "package test: ok"
