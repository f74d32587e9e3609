#!/usr/bin/env bash
# Fills a freshly started linod 0.1.0 (Payara Micro, micro WAR with the demo procedures) with representative
# data over its REST API, so that a database made by 0.1.0 can be dumped (see README.md beside this file).
#
#   LINOD_ADMIN_PASSWORD=Admin-0.1.0 ./make-data.sh [http://127.0.0.1:18080/linod/api]
#
# Needs curl and jq. Run it right after "Payara Micro ... ready" on an empty database; it ends when no run is
# going on any more. The same script made the Derby and the PostgreSQL database.
set -euo pipefail

L=${1:-http://127.0.0.1:18080/linod/api}
A=(-u "admin:${LINOD_ADMIN_PASSWORD:?set LINOD_ADMIN_PASSWORD}")
J=(-H 'Content-Type: application/json')

say() { printf '%s\n' "$*" >&2; }
get() { curl -sSf "${A[@]}" "$L$1"; }
# call METHOD PATH [BODY] [extra curl args...]: prints the body, fails on any status >= 400
call() {
    local method=$1 path=$2 body=${3:-}
    shift 3 || shift $#
    local out status
    out=$(mktemp)
    if [ -n "$body" ]; then
        status=$(curl -sS -o "$out" -w '%{http_code}' "${A[@]}" "${J[@]}" -X "$method" -d "$body" "$@" "$L$path")
    else
        status=$(curl -sS -o "$out" -w '%{http_code}' "${A[@]}" -X "$method" "$@" "$L$path")
    fi
    if [ "$status" -ge 400 ]; then
        say "$method $path -> $status: $(cat "$out")"
        rm -f "$out"
        return 1
    fi
    cat "$out"
    rm -f "$out"
}
task_id() { get /tasks | jq -r --arg p "$1" '[.[] | select(.procedure == $p)][0].id'; }
version() { get "/tasks/$1" | jq -r .version; }
# put TASK_ID JSON (without version): PUT with the current version in the body
put() { call PUT "/tasks/$1" "$(jq -c --argjson v "$(version "$1")" '. + {version: $v}' <<<"$2")" >/dev/null; }
last_outcome() { get "/tasks/$1/runs?page=0&size=1" | jq -r '.items[0].outcome // "NONE"'; }
runs_of() { get "/tasks/$1/runs?page=0&size=200" | jq -r '.items[].outcome'; }
# wait until the task has no run going on and no request pending (at most 60 s)
settle() {
    for _ in $(seq 600); do
        if [ "$(get "/tasks/$1" | jq -r '.status | test("^(Running|Requested)")')" = false ]; then
            return 0
        fi
        sleep 0.1
    done
    say "task $1 did not settle"
    return 1
}
run_now() { call POST "/tasks/$1/run-now" '' >/dev/null; sleep 0.3; settle "$1"; }

for _ in $(seq 120); do
    curl -sf "${A[@]}" -o /dev/null "$L/status" && break
    sleep 1
done
say "linod answers: $(get /status | jq -c '{useLinod, active, node}')"

# --- users: admin exists (LINOD_ADMIN_PASSWORD); a viewer, and a second staff user with two roles
call PUT /users/vera '{"password":"Vera-0.1.0","roles":["viewer"]}' >/dev/null
call PUT /users/otto '{"password":"Otto-0.1.0","roles":["staff","viewer"]}' >/dev/null
# a password change of an existing user (an UPDATE of LINOD_USER)
call PUT /users/otto '{"password":"Otto-0.1.0-changed","roles":["staff","viewer"]}' >/dev/null

# --- further tasks (POST) and their recurrences (PUT)
# 1. weekly on Monday, Wednesday, Friday at 06:30, moved to the top of the list (seqno 1, as checkdata)
t1=$(call POST /tasks '{"procedure":"checkdata","name":"Check data three times a week","every":2,"unit":"daily"}' | jq -r .id)
put "$t1" '{"seqno":1,"recurrence":{"unit":"weekly","every":1,"weekdays":["monday","wednesday","friday"],"startTime":"06:30"}}'

# 2. monthly on the last Friday at 09:00, from a start date; PUT with If-Match instead of a version in the body
t2=$(call POST /tasks '{"procedure":"send_weekly_report","name":"Monthly report on the last Friday"}' | jq -r .id)
call PUT "/tasks/$t2" '{"recurrence":{"unit":"monthly","every":1,"weekdays":["friday"],"positions":[-1],"startDate":"2026-01-01","startTime":"09:00"}}' \
    -H "If-Match: \"$(version "$t2")\"" >/dev/null

# 3. a cron rule (the last Friday at 17:45 in cron's words), log level DEBUG
t3=$(call POST /tasks '{"procedure":"checksummaries","name":"Summaries on working days (cron)"}' | jq -r .id)
put "$t3" '{"logLevel":"DEBUG","recurrence":{"cron":"45 17 * * MON-FRI"}}'

# 4. a time zone of its own, start and end date, end time, max events; every 2 days at 23:00 New York time
t4=$(call POST /tasks '{"procedure":"clear_seen_messages","name":"Clear seen messages (New York evening)","every":1,"unit":"daily"}' | jq -r .id)
put "$t4" '{"recurrence":{"unit":"daily","every":2,"startDate":"2026-01-01","startTime":"23:00","endDate":"2027-12-31","endTime":"23:30","maxEvents":500,"zone":"America/New_York"}}'

# 5. disabled, log level DEBUG, with parameters; hourly every 3 hours; run once by Run now (runs although disabled)
t5=$(call POST /tasks '{"procedure":"read_inbox","name":"Read the archive inbox (debug)","every":3,"unit":"hourly"}' | jq -r .id)
put "$t5" '{"disabled":true,"logLevel":"DEBUG","parameters":"{\"folder\": \"Archive\", \"limit\": 50}"}'

# 6. yearly on Easter Monday (easter rule with a start date), renamed afterwards: two changes of one task
t6=$(call POST /tasks '{"procedure":"checksummaries","name":"Easter summary"}' | jq -r .id)
put "$t6" '{"recurrence":{"unit":"easter","every":1,"startDate":"2026-04-06","startTime":"08:00"}}'
put "$t6" '{"name":"Easter Monday summary"}'

# 7. a task that is deleted again: its audit trail stays
t7=$(call POST /tasks '{"procedure":"checkdata","name":"Short-lived task"}' | jq -r .id)
call DELETE "/tasks/$t7" '' >/dev/null

# a demo task changed by a user too: a more talkative level, a second check time
checkdata=$(task_id checkdata)
put "$checkdata" '{"logLevel":"DEBUG","recurrence":{"unit":"daily","every":1,"startTime":"05:15"}}'

say "created tasks $t1 $t2 $t3 $t4 $t5 $t6 (and deleted $t7)"

# --- Run now: successful runs with captured logs at INFO and DEBUG
run_now "$checkdata"
run_now "$t3"
run_now "$t5"
run_now "$(task_id send_pending_emails_daily)"   # its log has a WARNING line (an email without recipient)
run_now "$(task_id send_weekly_report)"
run_now "$(task_id clear_seen_messages)"

# a Run now requested and cancelled at once (may have started already: then it is a normal run)
monthly=$t2
call POST "/tasks/$monthly/run-now" '' >/dev/null
call POST "/tasks/$monthly/cancel-request" '' >/dev/null || true
settle "$monthly"

# --- sync_remote_calendar fails (1 in 10: FAILED, the daemon disables the task and writes the audit trail)
# or warns (2 in 10: WARNING). Run it until both happened (Run now still runs a disabled task).
sync=$(task_id sync_remote_calendar)
for i in $(seq 150); do
    outcomes=$(runs_of "$sync")
    if grep -qx FAILED <<<"$outcomes" && grep -qx WARNING <<<"$outcomes"; then
        break
    fi
    run_now "$sync"
done
say "sync_remote_calendar runs: $(runs_of "$sync" | sort | uniq -c | tr -s ' \n' ' ')"
say "sync_remote_calendar task: $(get "/tasks/$sync" | jq -c '{disabled, status, version}')"

# --- rebuild_search_index: a slow run with progress, run now (again) and waited for
rebuild=$(task_id rebuild_search_index)
settle "$rebuild"
run_now "$rebuild"

# --- wait until nothing runs any more
for _ in $(seq 120); do
    [ "$(get /status | jq '.running | length')" = 0 ] && break
    sleep 1
done
say "running: $(get /status | jq -c .running)"
say "tasks:"
get /tasks | jq -r '.[] | "  \(.id)\t\(.seqno)\t\(.procedure)\t\(.logLevel)\t\(.disabled)\t\(.when)\t\(.status)"' >&2
say "users: $(get /users | jq -c .)"
