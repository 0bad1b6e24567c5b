#!/usr/bin/env bash
# Starts the local services the tests use, if they are down, and waits until they answer.
# Fails loudly (non-zero exit, a line naming the service) when one cannot be started: tests that
# need a real PostgreSQL or Redis are never skipped.
set -euo pipefail

wait_for() { # name, tries, check command...
  local name=$1 tries=$2
  shift 2
  for _ in $(seq "$tries"); do
    if "$@" >/dev/null 2>&1; then
      echo "services: $name is up"
      return 0
    fi
    sleep 1
  done
  echo "services: $name did not come up; the tests need it, so CI stops here" >&2
  return 1
}

ensure_postgres() {
  if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
    echo "services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  fi
  wait_for PostgreSQL 30 psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1'
}

ensure_redis() {
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "services: starting Redis"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
  fi
  wait_for Redis 30 redis-cli -h 127.0.0.1 -p 6379 ping
}

ensure_postgres
ensure_redis
