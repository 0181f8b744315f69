#!/usr/bin/env bash
# The READMEs and docs/ link only inside the repository: no web addresses, no absolute paths, no
# paths leaving the repository, and every relative link target exists.
#   check_links.sh SOURCE_DIR
set -uo pipefail
SRC=$(realpath "$1")
cd "$SRC" || exit 1
bad=0
for f in README.md README.pt.md docs/*.md; do
  dir=$(dirname "$f")
  if grep -nE 'https?://|ftp://|\.\./shared' "$f"; then
    echo "FAIL: $f mentions a place outside the repository"; bad=1
  fi
  # Markdown links and images: ](target)
  while IFS= read -r target; do
    path=${target%%#*}
    [ -z "$path" ] && continue
    case "$path" in
      /* | *:*) echo "FAIL: $f links outside the repository: $target"; bad=1; continue ;;
    esac
    resolved=$(realpath -m "$dir/$path")
    case "$resolved" in
      "$SRC"/*) ;;
      *) echo "FAIL: $f links outside the repository: $target"; bad=1; continue ;;
    esac
    [ -e "$resolved" ] || { echo "FAIL: $f links to a missing file: $target"; bad=1; }
  done < <(grep -oE '\]\([^) ]+\)' "$f" | sed 's/^](//; s/)$//')
done
[ $bad -eq 0 ] && echo "docs links: ok"
exit $bad
