#!/usr/bin/env bash
# Smoke test of the quick start (`npm start` with no DATABASE_URL): wait for /api/health, sign in
# with a demo account over HTTP, change its password with the admin command, stop, start again and
# sign in with the changed password (the data survived), stop again and check nothing is left running.
# It uses its own data folder (GD_DATA_DIR), started empty, so that it can run more than once.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PORT="${SMOKE_PORT:-3917}"
BASE="http://127.0.0.1:${PORT}"
LOG="$(mktemp)"
JAR="$(mktemp)"
APP_PID=""
export GD_DATA_DIR="$(pwd)/.data-smoke"
rm -rf "$GD_DATA_DIR"
STOPS=0
STARTS=0

fail() {
  echo "smoke: FAILED: $*" >&2
  echo "--- server log ---" >&2
  tail -n 60 "$LOG" >&2
  [ -n "$APP_PID" ] && kill -INT -- "-$APP_PID" 2>/dev/null || true
  exit 1
}

start_app() {
  # A process group of its own, so that stopping it is exactly Ctrl+C in a terminal.
  PORT="$PORT" setsid npm start >>"$LOG" 2>&1 &
  APP_PID=$!
  STARTS=$((STARTS + 1))
  for _ in $(seq 1 600); do
    # Ready once /api/health answers 200 and the launcher has printed the URL and the demo accounts.
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/health")" = "200" ] &&
      [ "$(grep -c "Press Ctrl+C to stop." "$LOG")" = "$STARTS" ]; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || fail "npm start exited before /api/health answered"
    sleep 0.5
  done
  fail "/api/health did not answer 200"
}

stop_app() {
  kill -INT -- "-$APP_PID"
  wait "$APP_PID" || true
  APP_PID=""
  STOPS=$((STOPS + 1))
  # npm may exit before the launcher has finished stopping Next.js and the database: wait for it.
  for _ in $(seq 1 120); do
    [ "$(grep -c "Embedded database stopped." "$LOG")" = "$STOPS" ] && break
    sleep 0.5
  done
  [ "$(grep -c "Embedded database stopped." "$LOG")" = "$STOPS" ] || fail "the embedded database was not stopped"
  local base
  base="$(sed -n 's/.*keeps its data in \(.*\)\.$/\1/p' "$LOG" | tail -n 1)"
  [ -e "${base:-$GD_DATA_DIR/postgres}/data/postmaster.pid" ] && fail "PostgreSQL still runs after the app stopped"
  return 0
}

sign_in() { # email password -> prints the session JSON
  rm -f "$JAR"
  local csrf
  csrf="$(curl -s -c "$JAR" -b "$JAR" "$BASE/api/auth/csrf" | node -pe 'JSON.parse(require("fs").readFileSync(0)).csrfToken')"
  curl -s -o /dev/null -c "$JAR" -b "$JAR" -X POST \
    --data-urlencode "csrfToken=$csrf" --data-urlencode "email=$1" --data-urlencode "password=$2" \
    "$BASE/api/auth/callback/credentials"
  curl -s -b "$JAR" "$BASE/api/auth/session"
}

echo "smoke: first start (empty data folder)"
start_app
curl -s "$BASE/api/health" | grep -q '"database":"ok"' || fail "health does not report the database"
grep -q "ada@example.com" "$LOG" || fail "the demo accounts were not printed"
sign_in ada@example.com practise-derivatives | grep -q '"email":"ada@example.com"' || fail "demo sign-in failed"
sign_in ada@example.com wrong-password | grep -q '"email"' && fail "a wrong password signed in"
npm run --silent user -- reset-password ada@example.com "smoke-test-password-1" || fail "the admin command failed"
stop_app

echo "smoke: second start (same data folder)"
start_app
sign_in ada@example.com smoke-test-password-1 | grep -q '"email":"ada@example.com"' || fail "the changed password did not survive the restart"
sign_in teacher@example.com teach-calculus | grep -q '"role":"teacher"' || fail "the demo teacher is missing after the restart"
stop_app

fallback="$(sed -n 's/.*keeps its data in \(.*\)\.$/\1/p' "$LOG" | tail -n 1)"
rm -rf "$GD_DATA_DIR" ${fallback:+"$fallback"}
rm -f "$LOG" "$JAR"
echo "smoke: quick start passed (start, health, demo sign-in, restart keeps data, clean stop)"
