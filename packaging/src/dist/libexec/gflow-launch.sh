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
#   GFLOWD_JAVA_OPTS   extra JVM options for gflowd only. Split on blanks ON PURPOSE, with
#                      globbing off and no other evaluation, so an option cannot contain a
#                      blank: GFLOWD_JAVA_OPTS='-Xmx512m -Dfoo=bar'.
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

# Sets gflow_major from JAVA_VERSION in the release file of JDK home $1 (a Java 8 JRE keeps
# it one level up); leaves it empty if there is none.
gflow_release_major() {
  gflow_major=
  for gflow_release in "$1/release" "$1/../release"; do
    [ -r "$gflow_release" ] || continue
    while IFS= read -r gflow_line || [ -n "$gflow_line" ]; do
      case $gflow_line in
        JAVA_VERSION=*)
          gflow_line=${gflow_line#JAVA_VERSION=}
          gflow_line=${gflow_line#\"}
          gflow_parse_major "${gflow_line%\"}"
          return 0
          ;;
      esac
    done <"$gflow_release"
  done
}

# Sets gflow_java to a Java 17+ executable, or exits with a message saying how to fix it.
gflow_find_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    gflow_java=$JAVA_HOME/bin/java
    [ -x "$gflow_java" ] ||
      gflow_die "JAVA_HOME ($JAVA_HOME) has no bin/java; set JAVA_HOME to a Java 17 or newer home, or unset it to use java on PATH"
    gflow_java_home=$JAVA_HOME
  else
    gflow_java=$(command -v java) ||
      gflow_die "no java on PATH; install Java 17 or newer, or set JAVA_HOME"
    gflow_java_home=$(readlink -f -- "$gflow_java") || gflow_java_home=$gflow_java
    gflow_java_home=${gflow_java_home%/bin/java}
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
}

# Runs a client main class ($1) with the remaining arguments. The classpath holds only the
# client jars: a client must never load daemon code. Flags favour a fast cold start
# (shared/notes/cli-startup.md).
gflow_client() {
  gflow_find_java
  gflow_main=$1
  shift
  exec "$gflow_java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto \
    -cp "$gflow_lib/gflow-cli.jar:$gflow_lib/gflow-protocol.jar:$gflow_lib/jackson-core.jar:$gflow_lib/picocli.jar" \
    "$gflow_main" "$@"
}

# Runs the daemon main class ($1) with the remaining arguments, all jars in lib/ on the
# classpath, and $GFLOWD_JAVA_OPTS split on blanks (see the top of this file).
gflow_daemon() {
  gflow_find_java
  gflow_main=$1
  shift
  set -f
  IFS=' 	
'
  # shellcheck disable=SC2086 # GFLOWD_JAVA_OPTS is split on purpose; globbing is off.
  exec "$gflow_java" -Dgflow.home="$gflow_home" ${GFLOWD_JAVA_OPTS:-} \
    -cp "$gflow_lib/*" "$gflow_main" "$@"
}
