#!/bin/sh
# linod.sh - run linod (Payara Micro + linod.war) in the foreground, as a service.
#
# Meant to be started by systemd (dist/linod.service) or by hand; it is the
# equivalent of Lino's linod.sh under supervisor. It never daemonizes: the
# last line exec's java, so the JVM takes over this process id and receives
# SIGTERM (systemctl stop) or SIGINT (Ctrl-C) directly. The JVM then runs its
# shutdown hooks (Payara undeploys linod, linod stops its daemon) and exits
# with status 143 (128 + SIGTERM) or 130 (SIGINT).
#
# Settings, each optional (environment, or the env file below):
#   LINOD_ENV_FILE  env file to read first (default /etc/linod/linod.env;
#                   a missing default file is skipped, a missing file named
#                   explicitly is an error). Values in it win over the
#                   environment the script was started with.
#   LINOD_HOME      folder holding payara-micro.jar and linod.war (/opt/linod),
#                   and preboot.asadmin (Payara settings: no Server banner, oversized bodies not read)
#   LINOD_DATA      writable data folder (/var/lib/linod): embedded Derby
#                   (derby.system.home), java.io.tmpdir and Payara's unpack dir
#   LINOD_PORT      HTTP port (8080); the application is at /linod
#   JAVA            java command (JAVA_HOME/bin/java if JAVA_HOME is set, else java)
#   JAVA_OPTS       JVM options, split at blanks (-Xmx512m -XX:+ExitOnOutOfMemoryError;
#                   set but empty: none)
#   LINOD_LIBS      extra jars for Payara's --addlibs, colon separated,
#                   e.g. the PostgreSQL driver /opt/linod/lib/postgresql.jar
#   LINOD_NODE      linod's node name (default here: the host name, so that it
#                   stays the same across restarts, see README "node")
#   LINOD_*         every other linod setting (README, Configuration) is read
#                   by the application itself from the environment.
# Arguments given to this script are passed on to Payara Micro.
#
# "linod.sh wait-ready [SECONDS]" starts nothing: it waits (default 180 s)
# until http://localhost:$LINOD_PORT/linod/health/ready answers 200 and exits
# 0, or exits 1. The systemd unit runs it as ExecStartPost, because Payara
# Micro keeps running when the deployment of linod fails (bad setting,
# database unreachable at boot): only this check turns that into a failed
# start, which Restart=on-failure then retries.

set -eu

die() {
    echo "linod.sh: $*" >&2
    exit 1
}

# --- optional env file -------------------------------------------------------
if [ -n "${LINOD_ENV_FILE:-}" ]; then
    [ -r "$LINOD_ENV_FILE" ] || die "cannot read env file LINOD_ENV_FILE=$LINOD_ENV_FILE"
    env_file=$LINOD_ENV_FILE
else
    env_file=/etc/linod/linod.env
fi
if [ -r "$env_file" ]; then
    # set -a: every variable assigned in the file is exported to java.
    set -a
    # shellcheck disable=SC1090  # the file is chosen at run time
    . "$env_file"
    set +a
elif [ -e "$env_file" ]; then
    echo "linod.sh: warning: $env_file exists but is not readable by $(id -un), skipped" >&2
fi

# --- defaults ---------------------------------------------------------------
LINOD_HOME=${LINOD_HOME:-/opt/linod}
LINOD_DATA=${LINOD_DATA:-/var/lib/linod}
LINOD_PORT=${LINOD_PORT:-8080}
LINOD_LIBS=${LINOD_LIBS:-}
JAVA_OPTS=${JAVA_OPTS-"-Xmx512m -XX:+ExitOnOutOfMemoryError"}
if [ -z "${JAVA:-}" ]; then
    if [ -n "${JAVA_HOME:-}" ]; then
        JAVA=$JAVA_HOME/bin/java
    else
        JAVA=java
    fi
fi
# A stable node name: linod's own default contains the JVM's process id,
# which changes at each restart and defeats crash recovery.
LINOD_NODE=${LINOD_NODE:-$(uname -n)}
export LINOD_NODE

MICRO_JAR=$LINOD_HOME/payara-micro.jar
WAR=$LINOD_HOME/linod.war
PREBOOT=$LINOD_HOME/preboot.asadmin

case $LINOD_PORT in
    '' | *[!0-9]*) die "LINOD_PORT is not a port number: $LINOD_PORT" ;;
esac

# --- wait-ready mode -----------------------------------------------------------
if [ "${1:-}" = wait-ready ]; then
    limit=${2:-180}
    case $limit in
        '' | *[!0-9]*) die "wait-ready: not a number of seconds: $limit" ;;
    esac
    url=http://localhost:$LINOD_PORT/linod/health/ready
    if command -v curl >/dev/null 2>&1; then
        probe() { curl -fs -o /dev/null --max-time 5 "$url"; }
    elif command -v wget >/dev/null 2>&1; then
        probe() { wget -q -O /dev/null -T 5 "$url"; }
    else
        echo "linod.sh: wait-ready: neither curl nor wget found, not checking $url" >&2
        exit 0
    fi
    waited=0
    while [ "$waited" -lt "$limit" ]; do
        if probe 2>/dev/null; then
            echo "linod.sh: linod is ready after about ${waited} s ($url)" >&2
            exit 0
        fi
        sleep 2
        waited=$((waited + 2))
    done
    die "wait-ready: $url did not answer 200 within $limit s (see the log: deployment failed?)"
fi

# --- checks -----------------------------------------------------------------
[ -f "$MICRO_JAR" ] || die "Payara Micro not found: $MICRO_JAR (set LINOD_HOME or copy payara-micro.jar there)"
[ -f "$WAR" ] || die "linod WAR not found: $WAR (set LINOD_HOME or copy the *-micro.war there as linod.war)"
command -v "$JAVA" >/dev/null 2>&1 || die "java not found: $JAVA (set JAVA_HOME or JAVA)"
if [ -n "$LINOD_LIBS" ]; then
    # Check each colon-separated entry of LINOD_LIBS.
    rest=$LINOD_LIBS
    while [ -n "$rest" ]; do
        lib=${rest%%:*}
        if [ "$lib" = "$rest" ]; then rest=; else rest=${rest#*:}; fi
        [ -z "$lib" ] || [ -e "$lib" ] || die "LINOD_LIBS: not found: $lib"
    done
fi

# --- data folder --------------------------------------------------------------
# Derby's database is $LINOD_DATA/linod. Payara Micro extracts its runtime
# jars and its working domain (the exploded WAR, generated classes) into
# --unpackdir, by default a folder in java.io.tmpdir; both are put inside
# LINOD_DATA, so nothing depends on /tmp (PrivateTmp, noexec, tmp cleaners).
mkdir -p "$LINOD_DATA/tmp" "$LINOD_DATA/unpack" || die "cannot create folders in LINOD_DATA=$LINOD_DATA"
[ -w "$LINOD_DATA" ] || die "LINOD_DATA is not writable by $(id -un): $LINOD_DATA"
# Payara re-extracts the runtime and the WAR there at each start (the folder is
# kept, ~125 MB); after an upgrade of payara-micro.jar remove $LINOD_DATA/unpack
# while linod is stopped. One linod per LINOD_DATA (Derby locks its database).

# --- run ----------------------------------------------------------------------
set -- --nohazelcast --port "$LINOD_PORT" --contextroot linod \
    --unpackdir "$LINOD_DATA/unpack" --deploy "$WAR" "$@"
if [ -n "$LINOD_LIBS" ]; then
    set -- --addlibs "$LINOD_LIBS" "$@"
fi
# Payara settings: no Server banner, and a refused oversized body closes the connection
# (linod refuses it before reading; without this Payara reads and discards the rest).
if [ -f "$PREBOOT" ]; then
    set -- --prebootcommandfile "$PREBOOT" "$@"
else
    echo "linod.sh: warning: no $PREBOOT: Payara sends its Server banner and reads refused bodies to their end" >&2
fi

echo "linod.sh: starting linod on port $LINOD_PORT, node $LINOD_NODE, data $LINOD_DATA" >&2
# JAVA_OPTS is split at blanks on purpose (several options in one variable).
# shellcheck disable=SC2086
exec "$JAVA" $JAVA_OPTS \
    -Dderby.system.home="$LINOD_DATA" \
    -Djava.io.tmpdir="$LINOD_DATA/tmp" \
    -jar "$MICRO_JAR" "$@"
