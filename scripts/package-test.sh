#!/usr/bin/env bash
# Tests a Pendulum .deb as a user gets it: its metadata and contents (dpkg-deb -I/-c), its
# desktop entry (desktop-file-validate), an install (into a fresh root by default, or into this
# machine with --system), the file types it registers (xdg-mime), then the installed app under
# Xvfb: `xdg-open` on a document opens it, a screenshot shows it, and a second launch with a
# CSV hands the file to the running window and exits (single instance, on a private D-Bus).
#
#   scripts/package-test.sh [--system] PACKAGE.deb [PACKAGE.rpm]
#
# The fresh root is made with `dpkg --root`: dpkg unpacks the package as it would into /, and
# the steps Debian's triggers would run (update-mime-database, update-desktop-database) run on
# it; dependencies are checked with `apt-get install --simulate` instead of being installed.
# --system installs the package with apt-get (as root) and removes it at the end.
# The screenshot lands in $CARGO_TARGET_DIR/tmp/package/.
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root_dir/scripts/target-dir.sh"
system=false
files=()
for arg in "$@"; do
  case "$arg" in
    --system) system=true ;;
    *.deb | *.rpm) files+=("$(realpath "$arg")") ;;
    *) echo "usage: scripts/package-test.sh [--system] PACKAGE.deb [PACKAGE.rpm]" >&2; exit 2 ;;
  esac
done
deb="" rpm=""
for f in "${files[@]}"; do
  case "$f" in *.deb) deb="$f" ;; *.rpm) rpm="$f" ;; esac
done
[[ -n $deb ]] || { echo "usage: scripts/package-test.sh [--system] PACKAGE.deb [PACKAGE.rpm]" >&2; exit 2; }

failures=0
passes=0
ok() { passes=$((passes + 1)); printf 'ok   %s\n' "$*"; }
fail() { failures=$((failures + 1)); printf 'FAIL %s\n' "$*"; }
check() { # check "what" command...: passes when the command succeeds
  local what="$1"; shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if $system && dpkg-query -W -f='${Status}' pendulum 2>/dev/null | grep -q 'install ok installed'; then
    apt-get remove -y -q pendulum >/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root_dir/Cargo.toml" | head -1)"

echo "== metadata and contents: $deb"
info="$(dpkg-deb -I "$deb")"
field() { dpkg-deb -f "$deb" "$1"; }
check "Package is pendulum" test "$(field Package)" = pendulum
check "Version is the workspace's ($version)" test "$(field Version)" = "$version"
check "Depends names WebKitGTK 4.1 and GTK 3" \
  bash -c '[[ $1 == *libwebkit2gtk-4.1-0* && $1 == *libgtk-3-0* ]]' _ "$(field Depends)"
check "Description says what it is" grep -q 'org charts and team workloads' <<<"$(field Description)"
contents="$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||')"
for path in usr/bin/pendulum-app usr/bin/pendulum usr/share/applications/Pendulum.desktop \
  usr/share/mime/packages/pendulum.xml usr/share/icons/hicolor/32x32/apps/pendulum-app.png \
  usr/share/icons/hicolor/128x128/apps/pendulum-app.png \
  usr/share/icons/hicolor/512x512/apps/pendulum-app.png; do
  check "contains $path" grep -qx "$path" <<<"$contents"
done
printf '%s\n' "$info" | sed -n '/Package:/,$p' | sed 's/^/     /'

if [[ -n $rpm ]]; then
  echo "== metadata and contents: $rpm"
  check "rpm: Name is pendulum, Version $version" \
    test "$(rpm -qp --qf '%{NAME} %{VERSION}' "$rpm" 2>/dev/null)" = "pendulum $version"
  rpm_files="$(rpm -qlp "$rpm" 2>/dev/null)"
  for path in /usr/bin/pendulum-app /usr/bin/pendulum /usr/share/applications/Pendulum.desktop \
    /usr/share/mime/packages/pendulum.xml; do
    check "rpm contains $path" grep -qx "$path" <<<"$rpm_files"
  done
  check "rpm requires WebKitGTK 4.1 (libwebkit2gtk-4.1.so.0)" grep -q 'libwebkit2gtk-4\.1\.so' <<<"$(rpm -qpR "$rpm" 2>/dev/null)"
fi

echo "== install"
if $system; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install $deb"; exit 1; }
  ok "apt-get install (dependencies resolved, triggers ran)"
  prefix=/usr
  export XDG_DATA_DIRS=/usr/local/share:/usr/share
else
  check "dependencies resolve (apt-get install --simulate)" \
    bash -c 'apt-get install --simulate -q "$1" >/dev/null 2>&1' _ "$deb"
  inst="$work/root"
  mkdir -p "$inst/var/lib/dpkg/info" "$inst/var/lib/dpkg/updates"
  touch "$inst/var/lib/dpkg/status"
  dpkg --root="$inst" --force-depends --force-not-root --force-script-chrootless \
    --log=/dev/null -i "$deb" >"$work/dpkg.log" 2>&1 ||
    { cat "$work/dpkg.log"; fail "dpkg --root install"; exit 1; }
  ok "dpkg installs it into a fresh root"
  prefix="$inst/usr"
  # What shared-mime-info's and desktop-file-utils' dpkg triggers do on a real install.
  update-mime-database "$prefix/share/mime"
  update-desktop-database "$prefix/share/applications"
  export XDG_DATA_DIRS="$prefix/share:/usr/local/share:/usr/share"
fi
export PATH="$prefix/bin:$PATH"
# A user of our own: no mimeapps.list or data from this machine's user.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION GNOME_DESKTOP_SESSION_ID

desktop="$prefix/share/applications/Pendulum.desktop"
check "desktop-file-validate Pendulum.desktop" desktop-file-validate "$desktop"
check "the desktop entry opens files (Exec=pendulum-app %F)" grep -qx 'Exec=pendulum-app %F' "$desktop"
sed 's/^/     /' "$desktop"
check "pendulum on the PATH is the package's" test "$(command -v pendulum)" = "$prefix/bin/pendulum"

echo "== file types"
demo="$root_dir/assets/demo"
doc="$work/docs/larkspur.pendulum"
mkdir -p "$work/docs"
pendulum import --people "$demo/people.csv" --workstreams "$demo/workstreams.csv" \
  --allocations "$demo/allocations.csv" -o "$doc" >/dev/null
check "the packaged CLI runs: pendulum check" \
  bash -c 'pendulum check "$1" --as-of 2027-03-01 >/dev/null; [[ $? -le 1 ]]' _ "$doc"
type="$(xdg-mime query filetype "$doc")"
check "xdg-mime query filetype larkspur.pendulum = application/x-pendulum (got $type)" \
  test "$type" = application/x-pendulum
for mime in application/x-pendulum text/csv \
  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet application/vnd.ms-excel \
  application/vnd.oasis.opendocument.spreadsheet; do
  got="$(xdg-mime query default "$mime")"
  check "$mime opens with Pendulum.desktop (got '${got}')" test "$got" = Pendulum.desktop
done

echo "== the installed app under Xvfb"
shots="$CARGO_TARGET_DIR/tmp/package"
mkdir -p "$shots"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [[ -s $work/display ]] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$work/display")"
# A private session bus, so the single instance works as on a desktop and stays out of others'.
dbus-daemon --session --nofork --print-address=4 4>"$work/bus" &
pids+=($!)
for _ in $(seq 100); do [[ -s $work/bus ]] && break; sleep 0.1; done
export DBUS_SESSION_BUS_ADDRESS="$(head -1 "$work/bus")"

recent="$XDG_DATA_HOME/app.pendulum.desktop/recent.json"
# The document the app opened last: the first of its recent list ({"documents": [...]}).
last_opened() { tr -d '\n' 2>/dev/null <"$recent" | sed -n 's/.*"documents": *\[ *"\([^"]*\)".*/\1/p'; }
# `until CONDITION SECONDS`: waits for a shell condition, true when it came.
until_within() {
  local cond="$1" secs="$2" end=$((SECONDS + $2))
  while ((SECONDS < end)); do
    if eval "$cond"; then return 0; fi
    sleep 0.2
  done
  return 1
}
xdg-open "$doc" >"$work/app.log" 2>&1 &
pids+=($!)
check "xdg-open larkspur.pendulum opens it in Pendulum (recent list names it)" \
  until_within '[[ $(last_opened) == "$doc" ]]' 60
check "a Pendulum window is mapped" \
  until_within "xwininfo -root -tree 2>/dev/null | grep -q '\"Pendulum\"'" 60
# The window is mapped; WebKit paints the page a little later.
shot="$shots/installed-app.png"
painted() {
  import -window root "$shot" 2>/dev/null &&
    awk -v s="$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)" \
      'BEGIN { exit !(s > 0.05) }'
}
check "the window paints the document (the screenshot is not blank)" until_within painted 60
echo "     screenshot: $shot"

csv="$work/docs/team.csv"
printf 'id,name,title,manager_id\nt1,Rosa Diaz,Engineering Manager,\nt2,Ken Ito,Engineer,t1\n' >"$csv"
start=$SECONDS
if (cd "$work/docs" && timeout 60 pendulum-app team.csv >"$work/second.log" 2>&1); then
  ok "a second launch with team.csv exits 0 (after $((SECONDS - start)) s): the running app took it"
else
  fail "a second launch with team.csv did not exit 0 within 60 s"
  cat "$work/second.log"
fi
check "the running app opened the CSV's import (recent list starts with team.pendulum)" \
  until_within '[[ $(last_opened) == */team.pendulum ]]' 30
check "still one Pendulum window" \
  test "$(xwininfo -root -tree 2>/dev/null | grep -c '"Pendulum"')" -eq 1
sleep 3
import -window root "$shots/installed-app-second-launch.png"
echo "     screenshot: $shots/installed-app-second-launch.png"

echo
echo "package-test: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
