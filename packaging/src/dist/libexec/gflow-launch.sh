# shellcheck shell=sh
# Shared start-up code for the launchers in bin/: sourced, never executed.
#
# A launcher is three lines; adding a binary means copying one and changing the last line:
#
#   self=$(readlink -f -- "$0") || exit 1
#   . "${self%/*}/../libexec/gflow-launch.sh"
#   gflow_client io.gflow.cli.ctl.GctlCommand "$@"     # or gflow_daemon for gflowd
#
# `self` (the launcher's own path, symlinks resolved) names the program in messages and
# locates the installation. Java: $JAVA_HOME/bin/java if JAVA_HOME is set, else `java` on
# PATH; it must be Java 17 or newer, read from the JDK's `release` file so that the check
# costs no extra JVM start. Environment:
#
#   JAVA_HOME          the JDK to use.
#   GFLOWD_JAVA_OPTS   extra JVM options for gflowd only, after those in etc/gflowd.jvm. Split
#                      on blanks ON PURPOSE, with globbing off and no other evaluation, so an
#                      option cannot contain a blank: GFLOWD_JAVA_OPTS='-Xmx512m -Dfoo=bar'.
#                      (An option with a blank goes on its own line in etc/gflowd.jvm.)
#
# Clients and gflowd each use their class-data archive in lib/cds/ when it was built for the
# running JDK (libexec/gflow-cds builds, checks and removes them).
#
# Nothing here evaluates user input: arguments are passed on as "$@".

: "${self:?must be set by the launcher in bin/ that sources this file}"
gflow_prog=${self##*/}
gflow_home=${self%/*/*}
gflow_lib=$gflow_home/lib

gflow_die() {
  printf '%s: %s\n' "$gflow_prog" "$*" >&2
  exit 1
}

# Sets gflow_major from a version string: "17.0.15" -> 17, "1.8.0_402" -> 8, "25-ea" -> 25;
# empty if the string does not start with a number.
gflow_parse_major() {
  gflow_major=$1
  case $gflow_major in 1.*) gflow_major=${gflow_major#1.} ;; esac
  gflow_major=${gflow_major%%[!0-9]*}
}

# Sets gflow_major from JAVA_VERSION, and gflow_runtime from JAVA_RUNTIME_VERSION, in the release
# file of JDK home $1 (a Java 8 JRE keeps it one level up); leaves them empty if there is none.
gflow_release_major() {
  gflow_major=
  gflow_runtime=
  for gflow_release in "$1/release" "$1/../release"; do
    [ -r "$gflow_release" ] || continue
    while IFS= read -r gflow_line || [ -n "$gflow_line" ]; do
      gflow_value=${gflow_line#*=}
      gflow_value=${gflow_value#\"}
      gflow_value=${gflow_value%\"}
      case $gflow_line in
        JAVA_VERSION=*) gflow_parse_major "$gflow_value" ;;
        JAVA_RUNTIME_VERSION=*) gflow_runtime=$gflow_value ;;
      esac
      # Both come first; the rest (MODULES, ...) is long, and read takes a byte per syscall.
      [ -n "$gflow_major" ] && [ -n "$gflow_runtime" ] && break
    done <"$gflow_release"
    return 0
  done
}

# Sets gflow_java to a Java 17+ executable, or exits with a message saying how to fix it.
gflow_find_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    gflow_java=$JAVA_HOME/bin/java
    [ -x "$gflow_java" ] ||
      gflow_die "JAVA_HOME ($JAVA_HOME) has no bin/java; set JAVA_HOME to a Java 17 or newer home, or unset it to use java on PATH"
    gflow_java_home=$JAVA_HOME
    gflow_real_home=
  else
    gflow_java=$(command -v java) ||
      gflow_die "no java on PATH; install Java 17 or newer, or set JAVA_HOME"
    gflow_java_home=$(readlink -f -- "$gflow_java") || gflow_java_home=$gflow_java
    gflow_java_home=${gflow_java_home%/bin/java}
    gflow_real_home=$gflow_java_home # resolved already
  fi
  gflow_release_major "$gflow_java_home"
  if [ -z "$gflow_major" ]; then
    # No release file (unusual JDK layout): ask the JVM itself, which costs one start.
    gflow_version=$("$gflow_java" -version 2>&1) || gflow_version=
    case $gflow_version in
      *'version "'*)
        gflow_version=${gflow_version#*version \"}
        gflow_parse_major "${gflow_version%%\"*}"
        ;;
    esac
  fi
  if [ -z "$gflow_major" ] || [ "$gflow_major" -lt 17 ]; then
    gflow_die "needs Java 17 or newer; found ${gflow_major:-an unknown version} at $gflow_java (set JAVA_HOME)"
  fi
  # Naming the JDK's own Linux selector provider (what it picks by default) spares a client's first
  # socket a ServiceLoader scan that opens every client jar (~10-25 ms CPU). It is an internal
  # class, so only on the JDKs known to have it: a later one that renamed it would break clients.
  case $gflow_major in
    1[7-9] | 2[0-5])
      gflow_client_flags="$gflow_client_flags -Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.EPollSelectorProvider"
      ;;
  esac
}

# The client JVM: flags that favour a fast cold start (shared/notes/cli-startup.md), and only the
# client jars (a client must never load daemon code). gflow-cds trains and checks its archive with
# exactly these (gflow_find_java may add one).
gflow_client_flags='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData'
gflow_client_cp=$gflow_lib/gflow-cli.jar:$gflow_lib/gflow-protocol.jar:$gflow_lib/jackson-core.jar:$gflow_lib/picocli.jar
# The daemon JVM's own flags, before etc/gflowd.jvm and $GFLOWD_JAVA_OPTS (which win). C2 waits
# ten times longer than by default before compiling a method: the daemon's work per job or call is
# short glue around SQLite, syscalls and processes, spread over many methods that each become hot
# only after thousands of jobs, and C2 spent about half of a fresh daemon's CPU compiling them
# (README "Performance"); C1's code keeps up with them, while the loops of a big listing still
# reach C2 within its first 100k jobs. Defaults (JDK 17-25): 5000, 600, 15000, 40000.
gflow_daemon_flags='-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000'
# The daemon's jars, listed (not lib/*) so that the class path, which an AppCDS archive records,
# is the same on every start. check-dist.sh fails if a jar in lib/ is on neither class path.
gflow_daemon_cp=$gflow_lib/gflow-daemon.jar:$gflow_lib/gflow-protocol.jar
for gflow_jar in jackson-annotations jackson-core jackson-databind jackson-dataformat-toml \
  junixsocket-common junixsocket-native-common logback-classic logback-core picocli slf4j-api \
  sqlite-jdbc; do
  gflow_daemon_cp=$gflow_daemon_cp:$gflow_lib/$gflow_jar.jar
done
# Set by gflow-cds only (after sourcing this file): the JVM option that records gflowd's archive.
gflow_cds_record=

# Sets gflow_cds_dir, gflow_cds_archive and gflow_cds_option (the JVM option that uses the
# archive) of archive $1 (clients or gflowd) for the Java found by gflow_find_java: an AppCDS
# archive on Java 17-24, an AOT cache (JEP 483/514) on 25 and newer.
gflow_cds_paths() {
  gflow_cds_dir=$gflow_lib/cds/java$gflow_major
  if [ "$gflow_major" -ge 25 ]; then
    gflow_cds_archive=$gflow_cds_dir/$1.aot
    gflow_cds_option=-XX:AOTCache=$gflow_cds_archive
  else
    gflow_cds_archive=$gflow_cds_dir/$1.jsa
    gflow_cds_option=-XX:SharedArchiveFile=$gflow_cds_archive
  fi
}

# Sets gflow_fingerprint: what the archive depends on, computable without starting a JVM. The
# JDK's resolved home and its build (release file); before Java 25 also where gflow is (its
# resolved home, of which both class paths are made), since an AppCDS archive cannot move (an AOT
# cache can, so a tarball's cache works where unpacked). gflow-cds writes it at the top of the
# stamp file; the launcher compares. Short on purpose: the launcher reads it a byte per syscall.
gflow_cds_fingerprint() {
  if [ -z "$gflow_real_home" ]; then
    gflow_real_home=$(readlink -f -- "$gflow_java_home") || gflow_real_home=$gflow_java_home
  fi
  gflow_fingerprint="gflow-cds 3
java.home=$gflow_real_home
java.runtime.version=$gflow_runtime"
  if [ "$gflow_major" -lt 25 ]; then
    gflow_fingerprint="$gflow_fingerprint
gflow.home=$gflow_home"
  fi
}

# Succeeds if the archive exists and its stamp's fingerprint (the lines before the first
# comment) is the running JDK's. Only shell builtins read the stamp.
gflow_cds_matches() {
  [ -n "$gflow_runtime" ] && [ -r "$gflow_cds_archive" ] && [ -r "$gflow_cds_dir/stamp" ] ||
    return 1
  gflow_cds_fingerprint
  gflow_stamp=
  while IFS= read -r gflow_line; do
    case $gflow_line in '#'*) break ;; esac
    gflow_stamp="$gflow_stamp${gflow_stamp:+
}$gflow_line"
  done <"$gflow_cds_dir/stamp"
  [ "$gflow_stamp" = "$gflow_fingerprint" ]
}

# Sets gflow_cds_option and gflow_cds_quiet for archive $1 (clients or gflowd): the option that
# uses it and the options that turn the JVM's own archive messages off, so that a stale archive
# (e.g. replaced jars, a conflicting JVM option) is dropped without noise; both empty unless
# the archive was built for this JDK.
gflow_cds_use() {
  gflow_cds_paths "$1"
  if gflow_cds_matches; then
    if [ "$gflow_major" -ge 25 ]; then
      gflow_cds_quiet='-Xlog:aot*=off -Xlog:cds*=off'
    else
      gflow_cds_quiet='-Xlog:cds*=off'
    fi
  else
    gflow_cds_option=
    gflow_cds_quiet=
  fi
}

# Runs a client main class ($1) with the remaining arguments, using the clients' class-data
# archive when it was built for this JDK (else silently without it).
gflow_client() {
  gflow_find_java
  gflow_main=$1
  shift
  gflow_cds_use clients
  set -f
  # shellcheck disable=SC2086 # the flag lists are constants above, split on purpose.
  exec "$gflow_java" $gflow_client_flags ${gflow_cds_option:+"$gflow_cds_option"} $gflow_cds_quiet \
    -cp "$gflow_client_cp" "$gflow_main" "$@"
}

# Runs the daemon main class ($1) with the remaining arguments and the daemon's jars, using
# gflowd's class-data archive when it was built for this JDK (else silently without it). JVM
# options: the archive's, then etc/gflowd.jvm (one option per line, taken whole; blank lines and
# lines starting with # are skipped), then $GFLOWD_JAVA_OPTS split on blanks (see the top of this
# file), so the environment wins.
gflow_daemon() {
  gflow_find_java
  gflow_main=$1
  shift
  if [ -n "$gflow_cds_record" ]; then
    gflow_cds_option=$gflow_cds_record
    gflow_cds_quiet=
  else
    gflow_cds_use gflowd
  fi
  # Append the JVM's arguments after the user's, then rotate the user's to the end: no eval.
  gflow_nargs=$#
  set -f
  # shellcheck disable=SC2086 # a constant flag list, split on purpose.
  set -- "$@" $gflow_daemon_flags -Dgflow.home="$gflow_home" \
    ${gflow_cds_option:+"$gflow_cds_option"} $gflow_cds_quiet
  if [ -r "$gflow_home/etc/gflowd.jvm" ]; then
    while IFS= read -r gflow_line || [ -n "$gflow_line" ]; do
      case $gflow_line in '' | '#'*) continue ;; esac
      set -- "$@" "$gflow_line"
    done <"$gflow_home/etc/gflowd.jvm"
  fi
  IFS=' 	
'
  for gflow_opt in ${GFLOWD_JAVA_OPTS:-}; do
    set -- "$@" "$gflow_opt"
  done
  set -- "$@" -cp "$gflow_daemon_cp" "$gflow_main"
  while [ "$gflow_nargs" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    gflow_nargs=$((gflow_nargs - 1))
  done
  exec "$gflow_java" "$@"
}
