#!/usr/bin/env bash
# Redis and PostgreSQL for the queue-mode e2e run: installed from Debian packages when missing,
# started on loopback with throwaway data, stopped by PID.
#
#   queue-services.sh start <redis-port> <postgres-port>   prints the folder holding data, logs and PIDs
#   queue-services.sh stop <folder>
#
# Postgres gets one trust-authenticated superuser `n8n` and a database `n8n`: it only ever
# listens on 127.0.0.1 and lives as long as one test run.
set -Eeuo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

postgres_bin() {
	local folder
	folder=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	if [ -n "$folder" ] && [ -x "$folder/postgres" ]; then echo "$folder"; return; fi
	command -v postgres >/dev/null && dirname "$(readlink -f "$(command -v postgres)")"
}

install_missing() {
	local wanted=()
	command -v redis-server >/dev/null || wanted+=(redis-server)
	[ -n "$(postgres_bin)" ] || wanted+=(postgresql)
	[ ${#wanted[@]} -eq 0 ] && return
	echo "installing ${wanted[*]} from the Debian packages" >&2
	local started=$SECONDS
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
	# RUNLEVEL=1 keeps invoke-rc.d from starting the system-wide services: we start our own.
	as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${wanted[@]}" >&2
	echo "installed in $((SECONDS - started)) s" >&2
}

# Runs a command as the postgres owner: postgres refuses to run as root.
as_owner() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
	local redis_port=$1 postgres_port=$2
	install_missing
	local folder
	folder=$(mktemp -d /tmp/n8n-queue-services.XXXXXX)
	trap 'stop "$folder"' ERR
	chmod 755 "$folder"
	mkdir -p "$folder/redis" "$folder/postgres"

	redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$folder/redis" --save '' --appendonly no \
		--daemonize yes --pidfile "$folder/redis.pid" --logfile "$folder/redis.log" >&2

	local bin
	bin=$(postgres_bin)
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		chown postgres "$folder/postgres"
	fi
	as_owner "$bin/initdb" -D "$folder/postgres/data" -U n8n --auth=trust --no-sync >"$folder/initdb.log" 2>&1
	as_owner "$bin/pg_ctl" -D "$folder/postgres/data" -l "$folder/postgres/server.log" -w -t 60 start \
		-o "-c listen_addresses=127.0.0.1 -p $postgres_port -k $folder/postgres -c fsync=off" >&2
	head -n 1 "$folder/postgres/data/postmaster.pid" >"$folder/postgres.pid"
	as_owner "$bin/createdb" -h 127.0.0.1 -p "$postgres_port" -U n8n n8n >&2

	for _ in $(seq 1 100); do
		[ -s "$folder/redis.pid" ] && redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
		sleep 0.1
	done
	echo "$folder"
}

stop() {
	local folder=$1 name pid
	for name in redis postgres; do
		[ -s "$folder/$name.pid" ] || continue
		pid=$(cat "$folder/$name.pid")
		# SIGINT is postgres' fast shutdown; redis treats it like SIGTERM.
		kill -INT "$pid" 2>/dev/null || continue
		for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$pid" 2>/dev/null || true
	done
	rm -rf "$folder"
}

case "${1:-}" in
	start) start "$2" "$3" ;;
	stop) stop "$2" ;;
	*) echo "usage: $0 start <redis-port> <postgres-port> | stop <folder>" >&2; exit 2 ;;
esac
