#!/usr/bin/env bash
# SMTP fork benchmark: smtp-source (20 sessions; 4 KiB and 64 KiB messages) against
#   (a) a private, tuned Postfix relay that delivers every message to two smtp-sinks, and
#   (b) MailShadow delivering to two smtp-sinks,
# on loopback, in one run. Prints accepted msgs/s, delivered-to-both msgs/s, p50/p99 accept latency (from a
# packet capture of the server port) and the MailShadow/Postfix ratios. Method: docs/performance.md, "SMTP fork".
#
# Needs root: the private Postfix instance (master runs as root) and tcpdump. Never touches /etc/postfix
# beyond reading master.cf; everything lives in a temporary directory that is removed at the end.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: tests/benchmarks/smtp-fork-vs-postfix.sh [options]
  --sessions N        parallel smtp-source sessions (default 20)
  --small-count N     messages in the 4 KiB case (default 5000)
  --large-count N     messages in the 64 KiB case (default 1000)
  --warmup N          unmeasured 4 KiB messages sent to each target first (default 2000: .NET needs a
                      few thousand messages before its tiered JIT settles)
  --reuse             smtp-source -d: send every message of a session over one connection
                      (default: one connection per message, smtp-source's own default)
  --one-recipient     every message to the same recipient (default: smtp-source -N, a different recipient
                      per message, as real traffic spreads over mailboxes)
  --no-capture        no tcpdump and so no latency figures (to see what the capture costs the rates)
  --only TARGET       postfix or mailshadow (default: both)
  --rounds N          run both targets N times, alternating, each round on fresh instances and sinks, and
                      report every round and the medians (ratios paired within a round; default 1)
  --timeout S         bound on each case, sending plus delivery (default 300)
  --workdir DIR       where the temporary directory goes (default $BENCH_WORKDIR or /var/tmp; use a
                      disk-backed file system, both targets fsync there)
  --no-build          do not run `dotnet build src/MailShadow -c Release` first
  --keep              keep the temporary directory (configs, logs, captures, JSON results)
EOF
}

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
measure=(/usr/bin/python3 "$here/smtp_fork_measure.py")
invocation=$(printf '%q ' "tests/benchmarks/$(basename "$0")" "$@")

sessions=20
small_count=5000
large_count=1000
small_size=4096
large_size=65536
warmup=2000
reuse=0
distinct=1
targets=(postfix mailshadow)
case_timeout=300
workroot=${BENCH_WORKDIR:-/var/tmp}
build=1
keep=0
capture=1
rounds=1

while [ $# -gt 0 ]; do
  case "$1" in
    --sessions) sessions=$2; shift 2 ;;
    --small-count) small_count=$2; shift 2 ;;
    --large-count) large_count=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --one-recipient) distinct=0; shift ;;
    --only)
      case "$2" in postfix | mailshadow) targets=("$2") ;; *) echo "--only takes postfix or mailshadow" >&2; exit 2 ;; esac
      shift 2 ;;
    --timeout) case_timeout=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --workdir) workroot=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    --no-capture) capture=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'smtp-fork-vs-postfix: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
  die "needs root (a private Postfix instance and tcpdump); run it with sudo -E"
fi

# ------------------------------------------------------------------ packages
missing=()
{ command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ]; } || missing+=(postfix)
{ command -v tcpdump >/dev/null 2>&1 || [ -x /usr/bin/tcpdump ] || [ -x /usr/sbin/tcpdump ]; } || missing+=(tcpdump)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  # Postfix is only a toolbox here (smtp-source, smtp-sink, a private instance): no system mailer.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export PATH="$PATH:/usr/sbin"

dll="$repo/src/MailShadow/bin/Release/net10.0/mailshadow.dll"
if [[ " ${targets[*]} " == *" mailshadow "* ]]; then
  if [ "$build" -eq 1 ]; then
    log "dotnet build src/MailShadow -c Release"
    dotnet build "$repo/src/MailShadow/MailShadow.csproj" -c Release -nologo -v quiet -clp:NoSummary >&2
  fi
  [ -f "$dll" ] || die "$dll is missing: run dotnet build src/MailShadow -c Release"
fi

# ------------------------------------------------------------------ work directory and cleanup
mkdir -p "$workroot"
work=$(mktemp -d "$workroot/smtp-fork-bench.XXXXXX")
chmod 755 "$work" # Postfix's unprivileged daemons read below it.

started=()          # PIDs of background processes this script started
postfix_conf=""     # config_directory of the private Postfix instance while it runs

stop_pid() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

stop_postfix() {
  [ -n "$postfix_conf" ] || return 0
  local conf=$postfix_conf pidfile master i
  pidfile="$(dirname "$conf")/spool/pid/master.pid"
  master=$(tr -dc '0-9' <"$pidfile" 2>/dev/null || true)
  postfix -c "$conf" stop >/dev/null 2>&1 || true
  for i in $(seq 1 100); do
    { [ -n "$master" ] && kill -0 "$master" 2>/dev/null; } || break
    sleep 0.1
  done
  if [ -n "$master" ] && kill -0 "$master" 2>/dev/null; then
    postfix -c "$conf" abort >/dev/null 2>&1 || true
    sleep 1
    kill -KILL "$master" 2>/dev/null || true
  fi
  postfix_conf=""
}

cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  set +e
  for pid in "${started[@]}"; do stop_pid "$pid"; done
  stop_postfix
  if [ "$keep" -eq 1 ]; then
    log "kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs the measurement helper in the background so that a signal reaches the traps at once.
run_measure() {
  "${measure[@]}" "$@" &
  local pid=$!
  started+=("$pid")
  wait "$pid"
}

read -r -a ports <<<"$("${measure[@]}" ports 9)"
port_postfix=${ports[0]}
port_ingress=${ports[1]}
port_admin=${ports[2]}
port_proxy_http=${ports[3]}
port_proxy_https=${ports[4]}
port_site_http_a=${ports[5]}
port_site_http_b=${ports[6]}
# Sinks get fresh ports per target (below) so that a slow-to-die listener never counts the other target's mail.

# ------------------------------------------------------------------ sinks
sink_a_pid="" sink_b_pid="" sink_a_port="" sink_b_port="" sink_a_out="" sink_b_out=""
start_sinks() {
  local tag=$1
  read -r sink_a_port sink_b_port <<<"$("${measure[@]}" ports 2)"
  sink_a_out="$work/sink-a-$tag.out"
  sink_b_out="$work/sink-b-$tag.out"
  smtp-sink -u postfix -c -h site-a.sink -m 1024 "127.0.0.1:$sink_a_port" 1024 >"$sink_a_out" 2>&1 &
  sink_a_pid=$!
  started+=("$sink_a_pid")
  smtp-sink -u postfix -c -h site-b.sink -m 1024 "127.0.0.1:$sink_b_port" 1024 >"$sink_b_out" 2>&1 &
  sink_b_pid=$!
  started+=("$sink_b_pid")
  "${measure[@]}" wait-smtp "$sink_a_port" 10 || die "smtp-sink on $sink_a_port did not start: $(cat "$sink_a_out")"
  "${measure[@]}" wait-smtp "$sink_b_port" 10 || die "smtp-sink on $sink_b_port did not start: $(cat "$sink_b_out")"
}
stop_sinks() {
  stop_pid "$sink_a_pid"
  stop_pid "$sink_b_pid"
}

# ------------------------------------------------------------------ (a) Postfix relay
start_postfix() {
  local pf="$work/postfix"
  local conf="$pf/etc"
  mkdir -p "$conf" "$pf/spool" "$pf/data"
  chown postfix "$pf/data" # master.lock and caches are written there as the mail owner
  cp /etc/postfix/master.cf "$conf/master.cf"
  cat >"$conf/main.cf" <<EOF
# Private benchmark instance: a relay for example.test that forks every message to two next hops.
compatibility_level = 3.6
queue_directory = $pf/spool
data_directory = $pf/data
mail_owner = postfix
setgid_group = postdrop
myhostname = relay.bench.test
mydomain = bench.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
maillog_file = $pf/maillog
maillog_file_prefixes = $pf
biff = no

# The fork: example.test is a relay domain; every recipient is rewritten to two pseudo-domains, each routed to
# its own next hop, and the SMTP client restores the real address on the wire.
relay_domains = example.test
relay_recipient_maps =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
virtual_alias_domains =
virtual_alias_maps = regexp:$conf/fork.regexp
transport_maps = hash:$conf/transport
smtp_generic_maps = regexp:$conf/generic.regexp

# Tuning a competent administrator would apply to a relay with two known, fast next hops.
# Durability (fsync of every queue file) is left as shipped.
in_flow_delay = 0
default_process_limit = 200
smtpd_client_connection_count_limit = 0
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
initial_destination_concurrency = 20
default_destination_concurrency_limit = 50
smtp_destination_concurrency_limit = 50
smtp_connection_cache_destinations = [127.0.0.1]:$sink_a_port, [127.0.0.1]:$sink_b_port
EOF
  cat >"$conf/fork.regexp" <<'EOF'
/^(.+)@example\.test$/ ${1}@site-a.fork.invalid, ${1}@site-b.fork.invalid
EOF
  cat >"$conf/generic.regexp" <<'EOF'
/^(.+)@site-[ab]\.fork\.invalid$/ ${1}@example.test
EOF
  cat >"$conf/transport" <<EOF
site-a.fork.invalid smtp:[127.0.0.1]:$sink_a_port
site-b.fork.invalid smtp:[127.0.0.1]:$sink_b_port
EOF
  postmap -c "$conf" "hash:$conf/transport"
  # Its own listener on a free port instead of :25, and no chroot (the jail would need a copy of /etc files).
  postconf -c "$conf" -M# smtp/inet
  postconf -c "$conf" -M "$port_postfix/inet = $port_postfix inet n - n - - smtpd"
  postconf -c "$conf" -F '*/*/chroot = n'
  postfix -c "$conf" check
  postfix_conf=$conf
  postfix -c "$conf" start >/dev/null 2>&1 || die "postfix did not start: $(tail -n 20 "$pf/maillog" 2>/dev/null)"
  "${measure[@]}" wait-smtp "$port_postfix" 30 || die "postfix did not listen: $(tail -n 20 "$pf/maillog" 2>/dev/null)"
  postfix_master=$(tr -dc '0-9' <"$pf/spool/pid/master.pid")
}

# ------------------------------------------------------------------ (b) MailShadow
mailshadow_pid=""
start_mailshadow() {
  local config="$work/mailshadow.json"
  /usr/bin/python3 - "$repo/config/mailshadow.lab.json" "$config" <<EOF
import json, sys
with open(sys.argv[1]) as f:
    config = json.load(f)
m = config["MailShadow"]
m["DataDirectory"] = "$work/mailshadow-data"
m["Sites"]["primary"].update({"Smtp": "127.0.0.1:$sink_a_port", "SmtpTls": "None", "Http": "http://127.0.0.1:$port_site_http_a"})
m["Sites"]["standby"].update({"Smtp": "127.0.0.1:$sink_b_port", "SmtpTls": "None", "Http": "http://127.0.0.1:$port_site_http_b"})
m["Ingress"]["Smtp"]["Listen"] = "127.0.0.1:$port_ingress"
m["Ingress"]["Smtp"]["RecipientVerification"]["Enabled"] = False
m["Proxy"] = {"Http": "http://127.0.0.1:$port_proxy_http", "Https": "https://127.0.0.1:$port_proxy_https"}
m["Admin"]["Listen"] = "http://127.0.0.1:$port_admin"
with open(sys.argv[2], "w") as f:
    json.dump(config, f, indent=2)
EOF
  dotnet "$dll" run --config "$config" --data "$work/mailshadow-data" >"$work/mailshadow.log" 2>&1 &
  mailshadow_pid=$!
  started+=("$mailshadow_pid")
  if ! "${measure[@]}" wait-smtp "$port_ingress" 60; then
    die "mailshadow did not accept SMTP on $port_ingress; its log ends with:
$(tail -n 30 "$work/mailshadow.log")"
  fi
}

# ------------------------------------------------------------------ one case
results=()
round=1
run_case() { # target port label size count cpu-spec...
  local target=$1 port=$2 label=$3 size=$4 count=$5
  shift 5
  local json="$work/result-$target-$label-$round.json"
  local extra=()
  [ "$reuse" -eq 1 ] && extra+=(--reuse)
  [ "$distinct" -eq 1 ] && extra+=(--distinct)
  [ "$keep" -eq 1 ] && extra+=(--keep-pcap)
  [ "$capture" -eq 0 ] && extra+=(--no-capture)
  run_measure case --target "$target" --label "$label" --round "$round" --port "$port" --count "$count" --size "$size" \
    --sessions "$sessions" "${extra[@]}" --sink-a "$sink_a_out" --sink-b "$sink_b_out" \
    --pcap "$work/$target-$label-$round.pcap" --timeout "$case_timeout" --json "$json" "$@" >&2 \
    || die "$target, $label: the case failed (see above)"
  [ "$label" = warmup ] || results+=("$json")
}

run_target() { # target
  local target=$1 port cpu=()
  start_sinks "$target"
  if [ "$target" = postfix ]; then
    log "Postfix relay on 127.0.0.1:$port_postfix -> sinks $sink_a_port, $sink_b_port"
    start_postfix
    port=$port_postfix
    cpu=(--cpu "postfix=$postfix_master")
  else
    log "MailShadow on 127.0.0.1:$port_ingress -> sinks $sink_a_port, $sink_b_port"
    start_mailshadow
    port=$port_ingress
    cpu=(--cpu "mailshadow=$mailshadow_pid")
  fi
  cpu+=(--cpu "sinks=$sink_a_pid,$sink_b_pid")
  [ "$warmup" -gt 0 ] && run_case "$target" "$port" warmup "$small_size" "$warmup" "${cpu[@]}"
  run_case "$target" "$port" small "$small_size" "$small_count" "${cpu[@]}"
  run_case "$target" "$port" large "$large_size" "$large_count" "${cpu[@]}"
  if [ "$target" = postfix ]; then
    stop_postfix
  else
    stop_pid "$mailshadow_pid"
  fi
  stop_sinks
}

# Other work on the machine skews both targets; say so rather than print quiet-looking numbers.
idle_before=$("${measure[@]}" idle 2)
if [ "$idle_before" -lt 85 ]; then
  log "warning: the machine was only ${idle_before}% idle before the run; other load will skew the figures"
fi

for round in $(seq 1 "$rounds"); do
  [ "$rounds" -gt 1 ] && log "round $round of $rounds"
  for target in "${targets[@]}"; do
    run_target "$target"
  done
done

# ------------------------------------------------------------------ report
fs=$(df --output=fstype "$work" | tail -n 1)
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
echo
echo "SMTP fork benchmark"
echo "command:  $invocation"
echo "machine:  $(nproc) x ${cpu_model:-unknown CPU}, $mem RAM, Linux $(uname -r), work dir on $fs"
echo "load:     ${idle_before}% idle over the 2 s before the run (\"other\" below: CPU outside the benchmark's processes)"
echo "software: Postfix $(postconf -h -d mail_version 2>/dev/null), .NET $(dotnet --version 2>/dev/null || echo '?'), MailShadow $(git -C "$repo" describe --always --dirty 2>/dev/null || echo "?")"
"${measure[@]}" report "${results[@]}"
