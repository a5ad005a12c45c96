#!/usr/bin/env bash
# Start the web server, a Celery worker and Celery beat for local use, and
# stop all three together on Ctrl-C.
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-8000}
bin=.venv/bin
mkdir -p var/broker/queue var/broker/processed var/log

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # A worker in warm shutdown can wait on its broker for a long time; give
  # it ten seconds, then stop it hard.
  for _ in $(seq 1 10); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && return
    sleep 1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

"$bin/celery" -A config worker --loglevel=INFO --concurrency=2 >var/log/worker.log 2>&1 &
pids+=($!)
"$bin/celery" -A config beat --loglevel=INFO >var/log/beat.log 2>&1 &
pids+=($!)

cat <<MSG

  EUC Review is starting at http://$host:$port/
  Worker and beat logs: var/log/worker.log, var/log/beat.log
  E-mails are written to files in var/mail/ instead of being sent.

  Demo accounts (password for all: demo-pass-2026)
    importer  kansai-importer   関西マグネティクス商事 (Kansai Magnetics Trading)
    importer  tokai-importer    東海精密材料 (Tokai Precision Materials)
    reviewer  reviewer-sato     compliance officer
    reviewer  reviewer-tanaka   second compliance officer (four eyes)
    auditor   auditor-kimura    read-only auditor
    admin     admin             Django admin at http://$host:$port/admin/

MSG
"$bin/python" manage.py runserver "$host:$port"
