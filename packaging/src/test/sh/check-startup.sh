#!/bin/sh
# The packaging test for start-up and generated docs, run by `./mvnw verify` after check-dist.sh:
#
# - every launcher runs --help and --version on the real JDK (JAVA_HOME, as in the build);
# - man pages (share/man/man1) exist for every binary and render; bash completion scripts load
#   in bash and complete subcommands and options;
# - the clients' class-data archive (lib/cds/, built by libexec/gflow-cds for the build JDK) is
#   used when its stamp matches (classes come from the shared archive) and ignored without a
#   word when it does not (stamp of another JDK, corrupt archive, moved tree, other JDK);
# - gflowd's archive likewise: its classes come from it when the stamp matches; gflowd serves
#   without a word when it does not, or when a JVM option conflicts with it;
# - gflow-cds build / --check / --remove, and a failed gflowd training (exit 3, the clients'
#   archive still built); with Temurin 25 if installed (AOT cache, JEP 483/514).
#
# Usage: check-startup.sh DIST_DIR TARBALL
# GFLOW_OTHER_JDK: a JDK of another major version (default: Temurin 25 if installed).
set -eu

dist=$(readlink -f -- "$1")
tarball=$2
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clients='gbatch gqueue gcancel gjob ginfo gctl'

fail() {
  printf 'check-startup: FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

note() {
  printf 'check-startup: %s\n' "$*" >&2
}

# run EXPECTED_RC COMMAND...: runs COMMAND with stdout to $work/out, stderr to $work/err.
run() {
  expected_rc=$1
  shift
  rc=0
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" -ne "$expected_rc" ]; then
    fail "exit $rc, wanted $expected_rc: $*"
    sed 's/^/  stdout: /' "$work/out" >&2
    sed 's/^/  stderr: /' "$work/err" >&2
    return 1
  fi
}

# quiet_version WHAT COMMAND...: `COMMAND --version` prints one line and nothing on stderr.
quiet_version() {
  what=$1
  shift
  if run 0 "$@" --version; then
    if ! grep -qx 'gflowd* [0-9].*' "$work/out" || [ "$(wc -l <"$work/out")" -ne 1 ]; then
      fail "$what: $* --version printed: $(cat "$work/out")"
    fi
    [ ! -s "$work/err" ] || fail "$what: $* --version wrote to stderr: $(cat "$work/err")"
  fi
}

# shared_classes COMMAND...: how many gflow and picocli classes COMMAND loads from a CDS archive
# or AOT cache (the JDK's default archive holds none of them).
shared_classes() {
  env JDK_JAVA_OPTIONS='-Xlog:class+load=info' "$@" 2>/dev/null |
    grep -c -E '^\[.*\] (io\.gflow|picocli)\.[^ ]* source: shared objects file' || true
}

# gflowd_classes WHAT COMMAND...: runs COMMAND (ending in bin/gflowd) `run` in personal mode in
# a temp dir with the class-load log, until it serves; then stops it. Sets daemon_shared: how
# many io.gflow.daemon classes it loaded from an archive. Fails if it did not serve or if the JVM
# warned (a mismatched archive must be dropped silently).
gflowd_classes() {
  what=$1
  shift
  dir=$(mktemp -d "$work/gflowd.XXXXXX")
  : >"$dir/gflowd.toml"
  env GFLOWD_JAVA_OPTS="-Xlog:class+load=info ${opts:-}" "$@" run --socket "$dir/s" \
    --state-dir "$dir/state" --config "$dir/gflowd.toml" >"$dir/out" 2>&1 &
  pid=$!
  waited=0
  while [ ! -S "$dir/s" ] && kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 1200 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  [ -S "$dir/s" ] || fail "$what: gflowd did not serve: $(grep -v '^\[' "$dir/out" | head -5)"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  daemon_shared=$(grep -c -E '^\[.*\] io\.gflow\.daemon\.[^ ]* source: shared objects file' "$dir/out" || true)
  if grep -v '\]\[class,load' "$dir/out" | grep -E '\]\[(warning|error) *\]|VM warning|Error' >"$dir/warnings"; then
    fail "$what: gflowd's JVM warned: $(head -3 "$dir/warnings")"
  fi
  rm -rf "$dir"
  opts=
}

# gflowd_start_options: `gflowd start` runs its background daemon with the launcher's JVM options
# (here a marker from GFLOWD_JAVA_OPTS, and the archive), then `gflowd stop` stops it.
gflowd_start_options() {
  dir=$(mktemp -d "$work/start.XXXXXX")
  : >"$dir/gflowd.toml"
  set -- --socket "$dir/s" --state-dir "$dir/state" --config "$dir/gflowd.toml"
  if run 0 env GFLOWD_JAVA_OPTS=-Dgflow.check=start-options "$dist/bin/gflowd" start "$@"; then
    child=$(sed -n 's/.*started (pid \([0-9]*\)).*/\1/p' "$work/out")
    tr '\0' '\n' <"/proc/$child/cmdline" >"$dir/cmdline" 2>/dev/null || true
    grep -qx -- '-Dgflow.check=start-options' "$dir/cmdline" ||
      fail "gflowd start: the daemon lost GFLOWD_JAVA_OPTS: $(tr '\n' ' ' <"$dir/cmdline")"
    grep -q -- '^-XX:\(SharedArchiveFile\|AOTCache\)=.*/gflowd\.' "$dir/cmdline" ||
      fail "gflowd start: the daemon runs without its archive: $(tr '\n' ' ' <"$dir/cmdline")"
    run 0 "$dist/bin/gflowd" stop "$@" || true
  fi
  rm -rf "$dir"
}

# java_major HOME: the feature version in HOME/release.
java_major() {
  sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release"
}

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
major=$(java_major "$java_home")
export JAVA_HOME="$java_home"
note "build JDK: Java $major at $java_home"

# --- every launcher: --help and --version --------------------------------------------------
for prog in $clients gflowd; do
  if run 0 "$dist/bin/$prog" --help; then
    grep -q "^Usage: $prog" "$work/out" || fail "$prog --help: no usage line: $(head -3 "$work/out")"
  fi
  quiet_version "launcher" "$dist/bin/$prog"
done

# --- man pages -----------------------------------------------------------------------------
for page in $clients gflowd gctl-ping gjob-show; do
  file=$dist/share/man/man1/$page.1
  if [ ! -f "$file" ]; then
    fail "missing share/man/man1/$page.1"
    continue
  fi
  # asciidoctor writes the name upper-case, with '-' as '\-'.
  upper=$(printf '%s' "$page" | tr '[:lower:]-' '[:upper:]_' | sed 's/_/\\-/g')
  grep -qF ".TH \"$upper\" \"1\"" "$file" || fail "$page.1: no .TH header: $(grep -m1 '^\.TH' "$file")"
  if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$file" >"$work/man" 2>"$work/man-err" || fail "man -l $page.1 failed"
    grep -q '^NAME' "$work/man" || fail "man -l $page.1: no NAME section"
    grep -q "^ *$page - " "$work/man" || fail "man -l $page.1: no '$page - ' line"
  fi
done
command -v man >/dev/null 2>&1 || note "man not installed: pages checked for their header only"

# --- bash completion -----------------------------------------------------------------------
# complete PROG WORD...: the completions bash offers for the last WORD after PROG.
complete_words() {
  prog=$1
  shift
  bash -c '
    prog=$1; shift
    source "$0" || exit 1
    COMP_WORDS=("$prog" "$@"); COMP_CWORD=$#
    COMP_LINE="$prog $*"; COMP_POINT=${#COMP_LINE}
    [[ $(complete -p "$prog") == *" -F _complete_$prog $prog" ]] || exit 1
    "_complete_$prog" && printf "%s\n" "${COMPREPLY[@]}"
  ' "$dist/share/bash-completion/completions/$prog" "$prog" "$@" 2>/dev/null | sort
}
if command -v bash >/dev/null 2>&1; then
  for prog in $clients gflowd; do
    [ -f "$dist/share/bash-completion/completions/$prog" ] ||
      fail "missing share/bash-completion/completions/$prog"
  done
  got=$(complete_words gctl '' | tr '\n' ' ')
  case $got in *ping*status*whoami*) ;; *) fail "gctl '' completes to: $got" ;; esac
  got=$(complete_words gjob '' | tr '\n' ' ')
  case $got in *hold*log*show*) ;; *) fail "gjob '' completes to: $got" ;; esac
  got=$(complete_words gflowd 'st' | tr '\n' ' ')
  [ "$got" = "start status stop " ] || fail "gflowd st completes to: $got"
  got=$(complete_words gqueue '--j' | tr '\n' ' ')
  case $got in *--json*) ;; *) fail "gqueue --j completes to: $got" ;; esac
  got=$(complete_words gctl ping '--so' | tr '\n' ' ')
  [ "$got" = "--socket " ] || fail "gctl ping --so completes to: $got"
else
  note "bash not installed: completion not checked"
fi

# --- the class-data archive ----------------------------------------------------------------
if [ ! -d "$dist/lib/cds" ]; then
  fail "no lib/cds in $dist (built with -Dgflow.cds.skip?)"
else
  run 0 "$dist/libexec/gflow-cds" --check || true
  # Used when it matches: the client's own classes and picocli's come from the archive.
  count=$(shared_classes "$dist/bin/gqueue" --help)
  [ "$count" -gt 100 ] || fail "gqueue --help loaded $count classes from the archive, wanted > 100"
  env JDK_JAVA_OPTIONS='-Xlog:class+load=info' "$dist/bin/gctl" --version 2>/dev/null >"$work/classes"
  for class in picocli.CommandLine io.gflow.cli.ctl.GctlCommand io.gflow.cli.Cli; do
    grep -q "^\[.*\] $class source: shared objects file" "$work/classes" ||
      fail "$class not loaded from the archive: $(grep " $class " "$work/classes")"
  done
  # gflowd likewise, also with a JVM option the archive was not built with (another GC).
  gflowd_classes "gflowd" "$dist/bin/gflowd"
  gflowd_start_options
  note "gflowd, Java $major: $daemon_shared io.gflow.daemon classes from its archive"
  [ "$daemon_shared" -gt 100 ] || fail "gflowd loaded $daemon_shared classes from its archive, wanted > 100"
  opts=-XX:+UseSerialGC gflowd_classes "gflowd -XX:+UseSerialGC" "$dist/bin/gflowd"
  # The tarball carries the same archives.
  tar -tzf "$tarball" | grep -q "/lib/cds/java$major/stamp\$" || fail "tarball has no lib/cds/java$major/stamp"
  tar -tzf "$tarball" | grep -q "/lib/cds/java$major/gflowd\.[ja][so][at]\$" ||
    fail "tarball has no lib/cds/java$major/gflowd.*"

  # A stamp of another JDK build: no archive, no noise.
  cp -a "$dist" "$work/stale"
  sed -i 's/^java.runtime.version=.*/java.runtime.version=0.0.0+0-other/' "$work/stale/lib/cds/java$major/stamp"
  quiet_version "stamp of another JDK" "$work/stale/bin/gctl"
  count=$(shared_classes "$work/stale/bin/gqueue" --help)
  [ "$count" -eq 0 ] || fail "stamp of another JDK: still $count classes from the archive"
  gflowd_classes "gflowd, stamp of another JDK" "$work/stale/bin/gflowd"
  [ "$daemon_shared" -eq 0 ] || fail "gflowd, stamp of another JDK: $daemon_shared classes from the archive"
  run 1 "$work/stale/libexec/gflow-cds" --check &&
    { grep -q "gflow-cds: no clients archive for Java .*build it: .*gflow-cds build" "$work/err" ||
      fail "gflow-cds --check on a stale stamp said: $(cat "$work/err")"; }

  # A corrupt archive under a matching stamp: the JVM drops it, silently.
  cp -a "$dist" "$work/corrupt"
  for archive in "$work/corrupt/lib/cds/java$major"/clients.* "$work/corrupt/lib/cds/java$major"/gflowd.*; do
    printf 'not an archive' >"$archive"
  done
  quiet_version "corrupt archive" "$work/corrupt/bin/gctl"
  gflowd_classes "gflowd, corrupt archive" "$work/corrupt/bin/gflowd"
  run 1 "$work/corrupt/libexec/gflow-cds" --check || true

  # gflowd's training fails (its JVM does not start): the clients' archive is built all the same,
  # gflow-cds says so and exits 3.
  if run 3 env GFLOWD_JAVA_OPTS=-XX:+NoSuchOption "$work/corrupt/libexec/gflow-cds" build; then
    grep -q 'gflow-cds: training gflowd with .* failed (above); gflowd runs without an archive' "$work/err" ||
      fail "gflow-cds build, gflowd's training failed, said: $(cat "$work/err")"
    count=$(shared_classes "$work/corrupt/bin/gqueue" --help)
    [ "$count" -gt 100 ] || fail "gflowd's training failed: clients got $count classes from their archive"
    if run 1 "$work/corrupt/libexec/gflow-cds" --check; then
      grep -q 'no gflowd archive' "$work/err" || fail "gflow-cds --check without gflowd's archive: $(cat "$work/err")"
    fi
    gflowd_classes "gflowd, no archive of its own" "$work/corrupt/bin/gflowd"
  fi

  # gflow-cds build in the copy repairs it (and its training daemon leaves nothing behind in
  # TMPDIR, nor a process); --remove deletes it.
  mkdir "$work/tmpdir"
  if run 0 env TMPDIR="$work/tmpdir" "$work/corrupt/libexec/gflow-cds" build; then
    run 0 "$work/corrupt/libexec/gflow-cds" --check || true
    count=$(shared_classes "$work/corrupt/bin/gqueue" --help)
    [ "$count" -gt 100 ] || fail "after gflow-cds build: $count classes from the archive"
    gflowd_classes "gflowd, rebuilt archive" "$work/corrupt/bin/gflowd"
    [ "$daemon_shared" -gt 100 ] || fail "after gflow-cds build: gflowd got $daemon_shared classes from its archive"
  fi
  [ -z "$(ls -A "$work/tmpdir")" ] || fail "gflow-cds build left in TMPDIR: $(ls -A "$work/tmpdir")"
  ! pgrep -f "$work/tmpdir" >/dev/null || fail "gflow-cds build left a process: $(pgrep -a -f "$work/tmpdir")"
  run 0 "$work/corrupt/libexec/gflow-cds" --remove || true
  [ ! -e "$work/corrupt/lib/cds" ] || fail "gflow-cds --remove left lib/cds"
  quiet_version "no archive" "$work/corrupt/bin/gctl"
  run 2 "$work/corrupt/libexec/gflow-cds" || true

  # Unpacked elsewhere: an AppCDS archive (17-24) cannot move, so it is skipped, silently;
  # an AOT cache (25+) moves along.
  mkdir "$work/unpacked"
  tar -xzf "$tarball" -C "$work/unpacked"
  moved=$(echo "$work"/unpacked/*)
  quiet_version "unpacked tarball" "$moved/bin/gctl"
  count=$(shared_classes "$moved/bin/gqueue" --help)
  gflowd_classes "gflowd, unpacked tarball" "$moved/bin/gflowd"
  if [ "$major" -ge 25 ]; then
    [ "$count" -gt 100 ] || fail "unpacked tarball, Java $major: $count classes from the AOT cache"
    [ "$daemon_shared" -gt 100 ] || fail "unpacked tarball, Java $major: gflowd got $daemon_shared from its cache"
  else
    [ "$count" -eq 0 ] || fail "unpacked tarball, Java $major: $count classes from a moved archive"
    [ "$daemon_shared" -eq 0 ] || fail "unpacked tarball, Java $major: gflowd got $daemon_shared from a moved archive"
  fi
fi

# --- another JDK: the archive is not its own; then it builds its own -----------------------
other=${GFLOW_OTHER_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -x "$other/bin/java" ] && [ "$(java_major "$other")" != "$major" ]; then
  other_major=$(java_major "$other")
  cp -a "$dist" "$work/other"
  quiet_version "Java $other_major with Java $major's archive" env JAVA_HOME="$other" "$work/other/bin/gctl"
  count=$(shared_classes env JAVA_HOME="$other" "$work/other/bin/gqueue" --help)
  [ "$count" -eq 0 ] || fail "Java $other_major used $count classes from Java $major's archive"
  gflowd_classes "gflowd on Java $other_major with Java $major's archive" env JAVA_HOME="$other" "$work/other/bin/gflowd"
  [ "$daemon_shared" -eq 0 ] || fail "gflowd on Java $other_major used $daemon_shared classes from Java $major's archive"
  if run 0 env JAVA_HOME="$other" "$work/other/libexec/gflow-cds" build; then
    run 0 env JAVA_HOME="$other" "$work/other/libexec/gflow-cds" --check || true
    count=$(shared_classes env JAVA_HOME="$other" "$work/other/bin/gqueue" --help)
    [ "$count" -gt 100 ] || fail "Java $other_major, own archive: $count classes from it"
    quiet_version "Java $other_major with its own archive" env JAVA_HOME="$other" "$work/other/bin/gctl"
    gflowd_classes "gflowd on Java $other_major, own archive" env JAVA_HOME="$other" "$work/other/bin/gflowd"
    note "gflowd, Java $other_major: $daemon_shared io.gflow.daemon classes from its AOT cache"
    [ "$daemon_shared" -gt 100 ] || fail "gflowd on Java $other_major, own archive: $daemon_shared classes from it"
    opts=-XX:+UseSerialGC gflowd_classes "gflowd on Java $other_major -XX:+UseSerialGC" \
      env JAVA_HOME="$other" "$work/other/bin/gflowd"
    # Both archives side by side; the build JDK still uses its own.
    quiet_version "Java $major beside Java $other_major's archive" "$work/other/bin/gctl"
    for archive in "$work/other/lib/cds/java$other_major"/clients.* "$work/other/lib/cds/java$other_major"/gflowd.*; do
      printf 'not an archive' >"$archive"
    done
    quiet_version "Java $other_major, corrupt archive" env JAVA_HOME="$other" "$work/other/bin/gctl"
    gflowd_classes "gflowd on Java $other_major, corrupt archive" env JAVA_HOME="$other" "$work/other/bin/gflowd"
  fi
else
  note "no other JDK at $other: cross-JDK checks skipped (GFLOW_OTHER_JDK=...)"
fi

if [ "$failures" -ne 0 ]; then
  echo "check-startup: $failures failure(s) in $dist" >&2
  exit 1
fi
echo "check-startup: OK $dist"
