#!/bin/sh
# The packaging test, run by `./mvnw verify` (integration-test phase of packaging/).
#
# Checks the unpacked distribution and the tarball: layout, unversioned lib/ names, file
# modes, shellcheck, and exactly what each launcher execs. Launchers run against fake JDKs
# (a `release` file plus a bin/java that prints its arguments), so no JVM starts and the
# check needs no main class. Once lib/gflow-cli.jar holds GctlCommand, `gctl --help` also
# runs on the real JDK.
#
# Usage: check-dist.sh DIST_DIR TARBALL
# GFLOW_SHELLCHECK=required (default) fails without shellcheck; optional only warns.
set -eu

dist=$(readlink -f -- "$1")
tarball=$2
name=${dist##*/}
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  printf 'check-dist: FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

# run EXPECTED_RC COMMAND...: runs COMMAND with stdout to $work/out, stderr to $work/err.
run() {
  expected_rc=$1
  shift
  rc=0
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" -ne "$expected_rc" ]; then
    fail "exit $rc, wanted $expected_rc: $*"
    sed 's/^/  stderr: /' "$work/err" >&2
    return 1
  fi
}

# same_text WHAT EXPECTED_FILE ACTUAL_FILE
same_text() {
  if ! cmp -s "$2" "$3"; then
    fail "$1 differs (- wanted, + got):"
    diff -u "$2" "$3" >&2 || true
  fi
}

# fake_jdk DIR VERSION: a JDK home whose bin/java prints one argument per line.
fake_jdk() {
  mkdir -p "$1/bin"
  printf 'JAVA_VERSION="%s"\nIMPLEMENTOR="check-dist"\n' "$2" >"$1/release"
  cat >"$1/bin/java" <<'EOF'
#!/bin/sh
for arg in "$@"; do printf '%s\n' "$arg"; done
EOF
  chmod 755 "$1/bin/java"
}

# --- layout and modes --------------------------------------------------------------------
for file in bin/gflowd bin/gctl bin/gbatch bin/gqueue bin/gcancel bin/gjob bin/ginfo \
  libexec/gflow-launch.sh libexec/gflow-cds etc/gflowd.jvm; do
  [ -f "$dist/$file" ] || fail "missing $file"
done
for launcher in "$dist"/bin/*; do
  [ -x "$launcher" ] || fail "not executable: ${launcher#"$dist"/}"
done
# The job launcher: a program built for this host (an ELF file that runs here and exits 127 on bad
# usage), not a script.
job=$dist/libexec/gflow-job
if [ ! -x "$job" ]; then
  fail "libexec/gflow-job missing or not executable"
elif [ "$(head -c 4 "$job" | od -An -c | tr -d ' ')" != '177ELF' ]; then
  fail "libexec/gflow-job is not an ELF program"
else
  status=0
  "$job" relative/spool || status=$?
  [ "$status" = 127 ] || fail "libexec/gflow-job relative/spool exited $status, wanted 127"
fi
for jar in gflow-cli gflow-daemon gflow-protocol jackson-core picocli; do
  [ -f "$dist/lib/$jar.jar" ] || fail "missing lib/$jar.jar"
done
for file in "$dist"/lib/*; do
  [ "$file" != "$dist/lib/cds" ] || continue # the clients' class-data archive: check-startup.sh
  case ${file##*/} in
    *-[0-9]*.jar) fail "versioned jar name: ${file#"$dist"/}" ;;
    *.jar) ;;
    *) fail "not a jar in lib/: ${file##*/}" ;;
  esac
done

# --- the tarball holds the same files under $name/, launchers 0755 -----------------------
[ -f "$tarball" ] || fail "missing $tarball"
(cd "$dist" && find . -type f | sed 's|^\./||' | sort) >"$work/dir-files"
tar -tzf "$tarball" | grep -v '/$' | sed "s|^$name/||" | sort >"$work/tar-files"
same_text "tarball file list vs $dist" "$work/dir-files" "$work/tar-files"
tar -tvzf "$tarball" | awk -v bin="$name/bin/" -v job="$name/libexec/gflow-job" '
  (index($NF, bin) == 1 && $NF != bin || $NF == job) && $1 != "-rwxr-xr-x" {
    print "  " $1 " " $NF; bad = 1
  }
  END { exit bad }' >&2 || fail "tarball launchers or gflow-job not -rwxr-xr-x (above)"
tar -xzOf "$tarball" "$name/libexec/gflow-job" | cmp -s - "$job" ||
  fail "the tarball's libexec/gflow-job differs from $job"

# --- shellcheck --------------------------------------------------------------------------
if command -v shellcheck >/dev/null 2>&1; then
  shellcheck -x "$dist"/bin/* "$dist"/libexec/*.sh "$dist"/libexec/gflow-cds "$0" \
    "${0%/*}"/check-startup.sh || fail "shellcheck (above)"
elif [ "${GFLOW_SHELLCHECK:-required}" = optional ]; then
  echo "check-dist: WARNING: shellcheck not installed; skipped (apt-get install shellcheck)" >&2
else
  fail "shellcheck not installed (apt-get install shellcheck; -Pfast makes it optional)"
fi

# --- Java selection and the version check ------------------------------------------------
fake_jdk "$work/jdk11" 11.0.2
fake_jdk "$work/jdk8" 1.8.0_402
fake_jdk "$work/jdk17" 17.0.15
fake_jdk "$work/jdk25" 25

if run 1 env JAVA_HOME="$work/jdk11" "$dist/bin/gctl" ping; then
  echo "gctl: needs Java 17 or newer; found 11 at $work/jdk11/bin/java (set JAVA_HOME)" >"$work/want"
  same_text "gctl stderr, JAVA_HOME on Java 11" "$work/want" "$work/err"
  [ ! -s "$work/out" ] || fail "gctl printed to stdout on Java 11"
fi
if run 1 env JAVA_HOME="$work/jdk8" "$dist/bin/gflowd" run; then
  grep -qF "gflowd: needs Java 17 or newer; found 8 at $work/jdk8/bin/java" "$work/err" ||
    fail "gflowd on Java 8: $(cat "$work/err")"
fi
if run 1 env JAVA_HOME="$work/missing" "$dist/bin/gctl"; then
  grep -qF "gctl: JAVA_HOME ($work/missing) has no bin/java" "$work/err" ||
    fail "gctl with a JAVA_HOME without java: $(cat "$work/err")"
fi
run 0 env JAVA_HOME="$work/jdk25" "$dist/bin/gctl" || true

# java on PATH (JAVA_HOME unset) is resolved through symlinks to find its release file.
mkdir "$work/path11" "$work/path17" "$work/nojava"
ln -s "$work/jdk11/bin/java" "$work/path11/java"
ln -s "$work/jdk17/bin/java" "$work/path17/java"
ln -s "$(command -v readlink)" "$work/nojava/readlink"
if run 1 env -u JAVA_HOME PATH="$work/path11:$PATH" "$dist/bin/gctl"; then
  echo "gctl: needs Java 17 or newer; found 11 at $work/path11/java (set JAVA_HOME)" >"$work/want"
  same_text "gctl stderr, java 11 on PATH" "$work/want" "$work/err"
fi
run 0 env -u JAVA_HOME PATH="$work/path17:$PATH" "$dist/bin/gctl" || true
if run 1 env -u JAVA_HOME PATH="$work/nojava" "$dist/bin/gctl"; then
  grep -qF "gctl: no java on PATH" "$work/err" || fail "gctl without java: $(cat "$work/err")"
fi

# --- what the launchers exec -------------------------------------------------------------
# gctl: client flags, only the client jars, arguments passed through untouched.
lib=$dist/lib
cat >"$work/want" <<EOF
-XX:TieredStopAtLevel=1
-XX:+UseSerialGC
-XX:-UsePerfData
-Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.EPollSelectorProvider
-cp
$lib/gflow-cli.jar:$lib/gflow-protocol.jar:$lib/jackson-core.jar:$lib/picocli.jar
io.gflow.cli.ctl.GctlCommand
ping
a  b
*
\$(touch $work/pwned)
--json
EOF
if run 0 env JAVA_HOME="$work/jdk17" "$dist/bin/gctl" ping 'a  b' '*' "\$(touch $work/pwned)" --json; then
  same_text "gctl's java command line" "$work/want" "$work/out"
fi
[ ! -e "$work/pwned" ] || fail "an argument was evaluated"
classpath=$(sed -n 6p "$work/want")
set -f
IFS=:
for jar in $classpath; do
  [ -f "$jar" ] || fail "gctl classpath entry missing: $jar"
done
IFS=' 	
'
set +f
case $classpath in *daemon*) fail "gctl classpath holds daemon code: $classpath" ;; esac

# Through a symlink from elsewhere (e.g. /usr/local/bin/gctl), same command.
mkdir "$work/links"
ln -s "$dist/bin/gctl" "$work/links/gctl"
if run 0 env JAVA_HOME="$work/jdk17" "$work/links/gctl" ping 'a  b' '*' "\$(touch $work/pwned)" --json; then
  same_text "gctl's java command line via a symlink" "$work/want" "$work/out"
fi

# gflowd: its own flags first (so that the user's win), its jars (a fixed list: its archive
# records the class path), GFLOWD_JAVA_OPTS split on blanks but not globbed. (The fake JDK has no
# runtime version, so no archive.)
daemon_cp=$lib/gflow-daemon.jar:$lib/gflow-protocol.jar:$lib/jackson-annotations.jar:$lib/jackson-core.jar
daemon_cp=$daemon_cp:$lib/jackson-databind.jar:$lib/jackson-dataformat-toml.jar:$lib/junixsocket-common.jar
daemon_cp=$daemon_cp:$lib/junixsocket-native-common.jar:$lib/logback-classic.jar:$lib/logback-core.jar
daemon_cp=$daemon_cp:$lib/picocli.jar:$lib/slf4j-api.jar:$lib/sqlite-jdbc.jar
# gflow-launch.sh's gflow_daemon_flags, one per line
daemon_flags='-XX:Tier4InvocationThreshold=50000
-XX:Tier4MinInvocationThreshold=6000
-XX:Tier4CompileThreshold=150000
-XX:Tier4BackEdgeThreshold=400000'
cat >"$work/want" <<EOF
$daemon_flags
-Dgflow.home=$dist
-Xmx64m
-Dglob=*
-cp
$daemon_cp
io.gflow.daemon.DaemonMain
run
--socket
/tmp/a b.sock
EOF
touch "$work/-Dglob=globbed"
if (cd "$work" && run 0 env JAVA_HOME="$work/jdk17" GFLOWD_JAVA_OPTS=' -Xmx64m  -Dglob=* ' \
  "$dist/bin/gflowd" run --socket '/tmp/a b.sock'); then
  same_text "gflowd's java command line" "$work/want" "$work/out"
else
  failures=$((failures + 1))
fi

# etc/gflowd.jvm: one option per line, taken whole, before GFLOWD_JAVA_OPTS; comments skipped.
cp -a "$dist" "$work/jvmfile"
printf '%s\n' '# a comment' '' '-Dwith=a  blank' '-Xmx128m' >"$work/jvmfile/etc/gflowd.jvm"
printf '%s\n' "$daemon_flags" "-Dgflow.home=$work/jvmfile" '-Dwith=a  blank' -Xmx128m -Xmx64m -cp "$(printf '%s' "$daemon_cp" | sed "s|$lib/|$work/jvmfile/lib/|g")" \
  io.gflow.daemon.DaemonMain run >"$work/want"
if run 0 env JAVA_HOME="$work/jdk17" GFLOWD_JAVA_OPTS=-Xmx64m "$work/jvmfile/bin/gflowd" run; then
  same_text "gflowd's java command line with etc/gflowd.jvm" "$work/want" "$work/out"
fi

# Every jar in lib/ is on the clients' or gflowd's class path, and every entry exists.
for jar in "$lib"/*.jar; do
  case ":$classpath:$daemon_cp:" in *":$jar:"*) ;; *) fail "$jar is on no class path (gflow-launch.sh)" ;; esac
done
set -f
IFS=:
for jar in $daemon_cp; do
  [ -f "$jar" ] || fail "gflowd classpath entry missing: $jar"
done
IFS=' 	
'
set +f

# The job clients: the same client command line, each with its own main class.
for pair in gbatch:batch.GbatchCommand gqueue:queue.GqueueCommand gcancel:cancel.GcancelCommand \
  gjob:job.GjobCommand ginfo:info.GinfoCommand; do
  prog=${pair%%:*}
  if run 0 env JAVA_HOME="$work/jdk17" "$dist/bin/$prog" -- 'a  b' '*'; then
    printf '%s\n' "io.gflow.cli.${pair#*:}" -- 'a  b' '*' >"$work/want"
    tail -n 4 "$work/out" >"$work/got"
    same_text "$prog's main class and arguments" "$work/want" "$work/got"
    if sed -n 5p "$work/out" | grep -q daemon; then fail "$prog classpath holds daemon code"; fi
  fi
done

# --- smoke test on the real JDK, once the client exists --------------------------------
if grep -q 'io/gflow/cli/ctl/GctlCommand.class' "$lib/gflow-cli.jar"; then
  run 0 "$dist/bin/gctl" --help || true
  for prog in gbatch gqueue gcancel gjob ginfo; do
    run 0 "$dist/bin/$prog" --help || true
  done
else
  echo "check-dist: note: no GctlCommand in lib/gflow-cli.jar yet; real-JDK smoke test skipped" >&2
fi

if [ "$failures" -ne 0 ]; then
  echo "check-dist: $failures failure(s) in $dist" >&2
  exit 1
fi
echo "check-dist: OK $dist"
