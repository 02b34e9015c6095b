# Sourced by the scripts that start and stop the integration tests' servers (redis, nginx): stops the process a
# pid file names, SIGTERM-like signal first, SIGKILL after a bounded wait, and removes the file.
#   stop_pidfile FILE [SIGNAL]   (returns 1 when there is no pid file: nothing was started)
stop_pidfile() {
  local file=$1 signal=${2:-TERM} pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}
