#!/bin/sh
# The .deb and systemd test, run by `./mvnw verify` (integration-test phase of packaging/).
#
# Part 1, everywhere dpkg-deb exists: the .deb holds every file of the distribution at its
# installed path with the right mode, its version is Debian-safe, the maintainer scripts are
# clean for shellcheck, and the shipped gflowd.toml (as is, and with every key uncommented) is
# accepted by `gflowd run --check-config`.
#
# Part 2, only as root with dpkg (CI: Debian 12 as root): installs the .deb for real, checks
# files, modes, groups and directories, starts gflowd the way systemd does
# (systemd-socket-activate binds /run/gflow/gflowd.sock and passes it as descriptor 3), submits
# and lists a job as an ordinary user, checks the SocketMode=0660/SocketGroup=gflow setup, stops
# the daemon (the socket stays), then removes and purges the package (/var/lib/gflow stays).
# It refuses to touch a machine where a system gflow is in use (see below).
#
# Usage: check-deb.sh DIST_DIR TARGET_DIR      (TARGET_DIR holds gflow_<version>_<arch>.deb)
# GFLOW_SHELLCHECK=required (default) fails without shellcheck; optional only warns.
set -eu

dist=$(readlink -f -- "$1")
target=$(readlink -f -- "$2")
here=$(dirname -- "$(readlink -f -- "$0")")
control=$here/../../deb/control
failures=0
work=$(mktemp -d)
chmod 755 "$work"
daemon_pid=
installed_by_us=no
new_groups=
user=gflowdeb-user
member=gflowdeb-member

fail() {
  printf 'check-deb: FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

note() {
  printf 'check-deb: %s\n' "$*" >&2
}

finish() {
  if [ "$failures" -ne 0 ]; then
    note "$failures failure(s)"
    exit 1
  fi
  note "OK $deb"
  exit 0
}

# run EXPECTED_RC COMMAND...: stdout to $work/out, stderr to $work/err.
run() {
  expected_rc=$1
  shift
  rc=0
  "$@" >"$work/out" 2>"$work/err" </dev/null || rc=$?
  if [ "$rc" -ne "$expected_rc" ]; then
    fail "exit $rc, wanted $expected_rc: $*"
    sed 's/^/  stdout: /' "$work/out" >&2
    sed 's/^/  stderr: /' "$work/err" >&2
    return 1
  fi
}

# mode_owner PATH: "MODE USER:GROUP", e.g. "755 root:root".
mode_owner() {
  stat -c '%a %U:%G' -- "$1"
}

expect_mode() {
  got=$(mode_owner "$1" 2>/dev/null) || got=missing
  [ "$got" = "$2" ] || fail "$1 is $got, wanted $2"
}

set -- "$target"/gflow_*.deb
if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
  echo "check-deb: FAIL: wanted exactly one gflow_*.deb in $target, found: $*" >&2
  exit 1
fi
deb=$1

if ! command -v dpkg-deb >/dev/null 2>&1; then
  note "SKIPPED: dpkg-deb not installed (a Debian or Ubuntu host runs this check)"
  exit 0
fi

# --- part 1: the package file ----------------------------------------------------------
version=$(dpkg-deb -f "$deb" Version)
case $version in
  *-* | *[!0-9A-Za-z.+~]*) fail "version '$version' is not a Debian upstream version" ;;
esac
# libexec/gflow-job is a program of the build host's: the package is for its architecture.
arch=$(dpkg --print-architecture)
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "Architecture is not $arch"
[ "${deb##*/}" = "gflow_${version}_$arch.deb" ] || fail "file name ${deb##*/} does not end in _$arch.deb"
dpkg-deb -f "$deb" Depends | grep -q 'java17-runtime-headless' || fail "Depends lacks Java 17"

# Every file of the distribution is in the .deb where the installed layout puts it.
dpkg-deb -c "$deb" | awk '{ print $1, substr($0, index($0, "./") + 1) }' >"$work/deb-list"
installed_path() {
  case $1 in
    bin/* | lib/* | libexec/*) echo "/usr/lib/gflow/$1" ;;
    etc/*) echo "/etc/gflow/${1#etc/}" ;;
    share/*) echo "/usr/share/${1#share/}" ;;
    systemd/gflowd.service | systemd/gflowd.socket) echo "/lib/systemd/system/${1#systemd/}" ;;
    systemd/gflow.tmpfiles) echo /usr/lib/tmpfiles.d/gflow.conf ;;
    systemd/gflow.sysusers) echo /usr/lib/sysusers.d/gflow.conf ;;
    *) echo "unmapped:$1" ;;
  esac
}
(cd "$dist" && find . -type f | sed 's|^\./||' | sort) >"$work/dist-files"
while IFS= read -r file; do
  path=$(installed_path "$file")
  if ! grep -q " $path\$" "$work/deb-list"; then
    fail "dist file $file is not in the .deb (wanted at $path)"
  fi
done <"$work/dist-files"
for pair in /usr/lib/gflow/bin/gflowd:-rwxr-xr-x /usr/lib/gflow/libexec/gflow-job:-rwxr-xr-x \
  /usr/lib/gflow/libexec/gflow-launch.sh:-rw-r--r-- /etc/gflow/gflowd.toml:-rw-r--r-- \
  /lib/systemd/system/gflowd.socket:-rw-r--r-- /usr/lib/gflow/lib/gflow-daemon.jar:-rw-r--r--; do
  grep -q "^${pair#*:} ${pair%%:*}\$" "$work/deb-list" || fail "${pair%%:*} not ${pair#*:} in the .deb"
done
for prog in gflowd gbatch gqueue gcancel gjob ginfo gctl; do
  grep -q " /usr/bin/$prog -> /usr/lib/gflow/bin/$prog\$" "$work/deb-list" ||
    fail "no /usr/bin/$prog link in the .deb"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xOf - ./conffiles >"$work/conffiles"
printf '/etc/gflow/gflowd.toml\n/etc/gflow/gflowd.jvm\n/etc/gflow/logback.xml\n' | cmp -s - "$work/conffiles" ||
  fail "conffiles: $(cat "$work/conffiles")"

if command -v shellcheck >/dev/null 2>&1; then
  shellcheck "$control/postinst" "$control/prerm" "$control/postrm" "$0" ||
    fail "shellcheck (above)"
elif [ "${GFLOW_SHELLCHECK:-required}" = optional ]; then
  note "WARNING: shellcheck not installed; maintainer scripts not checked"
else
  fail "shellcheck not installed (apt-get install shellcheck; -Pfast makes it optional)"
fi

# The config template: accepted as shipped, and with every key uncommented (its defaults).
if run 0 "$dist/bin/gflowd" run --check-config --config "$dist/etc/gflowd.toml"; then
  grep -q 'config OK' "$work/out" || fail "gflowd --check-config said: $(cat "$work/out")"
fi
sed -n 's/^#\([a-z_]* = .*\)$/\1/p; s/^#\(\[[a-z]*\]\)$/\1/p' "$dist/etc/gflowd.toml" >"$work/all.toml"
for key in socket state_dir admin_users admin_groups operator_users operator_groups allowed_groups \
  private_data allow_root_jobs allow_nobody '\[limits\]' max_connections max_connections_per_uid \
  idle_timeout request_timeout write_timeout max_frame_bytes '\[scheduler\]' slots gpus \
  nvidia_smi kill_grace retention; do
  grep -q "^$key" "$work/all.toml" || fail "etc/gflowd.toml has no commented default for $key"
done
run 0 "$dist/bin/gflowd" run --check-config --config "$work/all.toml" || true

# --- part 2: install and run, as root with dpkg only -------------------------------------
if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null 2>&1; then
  note "SKIPPED install test: needs root and dpkg (CI runs it)"
  finish
fi
if ! command -v systemd-socket-activate >/dev/null 2>&1; then
  fail "systemd-socket-activate missing (apt-get install systemd; .ci/run installs it)"
  finish
fi
status=$(dpkg-query -W -f '${db:Status-Status} ${Version}' gflow 2>/dev/null) || status=
case $status in
  '' | 'not-installed '* | 'config-files '*) ;;
  "installed $version" | *" $version") note "removing gflow $version left by an earlier run" ;;
  *)
    note "SKIPPED install test: gflow ($status) is installed on this machine; not touching it"
    finish
    ;;
esac
for path in /run/gflow/gflowd.sock /var/lib/gflow; do
  if [ -e "$path" ] && [ -z "$status" ]; then
    note "SKIPPED install test: $path exists (a system gflowd in use?); not touching it"
    finish
  fi
done

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  if [ -n "$daemon_pid" ]; then
    kill "$daemon_pid" 2>/dev/null || true
  fi
  if [ "$installed_by_us" = yes ]; then
    dpkg -P gflow >/dev/null 2>&1 || true
    rm -rf /var/lib/gflow /run/gflow
    for group in $new_groups; do
      groupdel "$group" 2>/dev/null || true
    done
  fi
  for account in "$user" "$member"; do
    userdel -r "$account" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

dpkg -P gflow >/dev/null 2>&1 || true
new_groups=
for group in gflow-admin gflow; do
  getent group "$group" >/dev/null || new_groups="$new_groups $group"
done
installed_by_us=yes
if ! run 0 dpkg -i "$deb"; then
  finish
fi

# Files, links, modes, groups, directories.
expect_mode /usr/lib/gflow/bin/gflowd '755 root:root'
expect_mode /usr/lib/gflow/libexec/gflow-job '755 root:root'
expect_mode /usr/lib/gflow/libexec/gflow-launch.sh '644 root:root'
expect_mode /etc/gflow/gflowd.toml '644 root:root'
expect_mode /lib/systemd/system/gflowd.service '644 root:root'
expect_mode /run/gflow '755 root:root'
expect_mode /var/lib/gflow '711 root:root'
for prog in gflowd gbatch gqueue gcancel gjob ginfo gctl; do
  [ "$(readlink -f /usr/bin/$prog)" = /usr/lib/gflow/bin/$prog ] || fail "/usr/bin/$prog link"
done
[ -r /usr/lib/gflow/etc/gflowd.jvm ] || fail "/usr/lib/gflow/etc does not lead to /etc/gflow/gflowd.jvm"
# postinst built the class-data archives (clients' and gflowd's) for the JDK installed here.
run 0 /usr/lib/gflow/libexec/gflow-cds --check || true
getent group gflow-admin >/dev/null || fail "postinst did not create group gflow-admin"
getent group gflow >/dev/null || fail "postinst did not create group gflow"
if command -v systemd-analyze >/dev/null 2>&1; then
  run 0 systemd-analyze verify /lib/systemd/system/gflowd.socket \
    /lib/systemd/system/gflowd.service || true
fi
run 0 gflowd run --system --check-config || true

# Start gflowd as systemd does. systemd-socket-activate creates the socket with the umask;
# the chmod stands in for the unit's SocketMode=0666.
useradd -m -s /bin/sh "$user"
useradd -m -s /bin/sh -G gflow-admin,gflow "$member"
systemd-socket-activate -l /run/gflow/gflowd.sock \
  -E GFLOWD_JAVA_OPTS=-Dlogback.configurationFile=/etc/gflow/logback.xml \
  /usr/bin/gflowd run --system >"$work/daemon.log" 2>&1 &
daemon_pid=$!
tries=0
until [ -S /run/gflow/gflowd.sock ] && gctl ping >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 300 ] || ! kill -0 "$daemon_pid" 2>/dev/null; then
    fail "gflowd did not answer within 30 s:"
    sed 's/^/  daemon: /' "$work/daemon.log" >&2
    finish
  fi
  sleep 0.1
done
chmod 0666 /run/gflow/gflowd.sock
socket_inode=$(stat -c %i /run/gflow/gflowd.sock)
grep -q 'serving the socket passed by systemd' "$work/daemon.log" ||
  fail "gflowd did not use the socket it was passed: $(cat "$work/daemon.log")"

if run 0 runuser -u "$user" -- sh -c 'cd && gbatch --parsable -- sh -c "id -un"'; then
  job=$(cat "$work/out")
  run 0 runuser -u "$user" -- gjob wait "$job" || true
  run 0 runuser -u "$user" -- gqueue -c || true
  grep -q "^ *$job .*CD" "$work/out" || fail "gqueue -c as $user does not show job $job CD: $(cat "$work/out")"
  out=$(getent passwd "$user" | cut -d: -f6)/.local/share/gflow/logs/$job.out
  [ "$(cat "$out" 2>/dev/null)" = "$user" ] || fail "job $job output ($out): $(cat "$out" 2>&1)"
fi
if run 0 runuser -u "$user" -- gctl whoami; then
  grep -q 'user' "$work/out" || fail "gctl whoami as $user: $(cat "$work/out")"
fi
if run 0 runuser -u "$member" -- gctl whoami; then
  grep -q 'admin' "$work/out" || fail "gctl whoami as a gflow-admin member: $(cat "$work/out")"
fi

# The group-only drop-in (SocketMode=0660, SocketGroup=gflow): members in, others out.
chgrp gflow /run/gflow/gflowd.sock
chmod 0660 /run/gflow/gflowd.sock
run 0 runuser -u "$member" -- gctl ping || true
if run 3 runuser -u "$user" -- gctl ping; then
  grep -q '/run/gflow/gflowd.sock' "$work/err" || fail "refused gctl names no socket: $(cat "$work/err")"
fi

# Stop as systemd does (SIGTERM): the socket systemd bound stays.
kill -TERM "$daemon_pid"
wait "$daemon_pid" || fail "gflowd exit status $? on SIGTERM"
daemon_pid=
if [ ! -S /run/gflow/gflowd.sock ] || [ "$(stat -c %i /run/gflow/gflowd.sock)" != "$socket_inode" ]; then
  fail "gflowd removed or replaced the socket it was passed"
fi

# Remove keeps the conffiles and the state; purge removes the config, never the state.
run 0 dpkg -r gflow || true
if [ -e /usr/bin/gctl ] || [ -e /usr/lib/gflow ]; then
  fail "dpkg -r left /usr/bin/gctl or /usr/lib/gflow"
fi
[ -f /etc/gflow/gflowd.toml ] || fail "dpkg -r removed the conffile /etc/gflow/gflowd.toml"
run 0 dpkg -P gflow || true
[ ! -e /etc/gflow ] || fail "dpkg -P left /etc/gflow"
[ -f /var/lib/gflow/gflow.db ] || fail "dpkg -P removed /var/lib/gflow/gflow.db"
getent group gflow-admin >/dev/null || fail "dpkg -P removed group gflow-admin"
finish
