#!/usr/bin/python3
"""Measurement half of smtp-fork-vs-postfix.sh: free ports, readiness waits, one timed case, the report.

Subcommands (all waits bounded, every child started here is stopped here):
  ports N                       print N free loopback TCP ports
  wait-smtp PORT TIMEOUT        wait until 127.0.0.1:PORT answers with a 220 greeting
  idle SECONDS                  print how idle (percent of all cores) the machine was over SECONDS
  sink-count FILE               print the message counter of an `smtp-sink -c` output file
  case --json OUT ...           run smtp-source once against a target and measure it (see case_main)
  report --json FILE...         print the side-by-side table from case results
"""

import argparse
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
SINK_COUNTER = re.compile(rb"mesg=(\d+)\r")


# ---------------------------------------------------------------- small helpers

def free_ports(n):
    socks, ports = [], []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
            ports.append(s.getsockname()[1])
    finally:
        for s in socks:
            s.close()
    return ports


def wait_smtp(port, timeout):
    deadline = time.monotonic() + timeout
    last = "no attempt"
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                s.settimeout(2)
                greeting = s.recv(512)
                if greeting.startswith(b"220"):
                    s.sendall(b"QUIT\r\n")
                    return True
                last = "greeting %r" % greeting[:60]
        except OSError as e:
            last = str(e)
        time.sleep(0.2)
    print("127.0.0.1:%d did not greet with 220 within %ss (%s)" % (port, timeout, last), file=sys.stderr)
    return False


def sink_count(path):
    """The last complete `mesg=N` counter smtp-sink -c wrote (it rewrites one line with CR, flushed per message)."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 512))
            tail = f.read()
    except FileNotFoundError:
        return 0
    found = SINK_COUNTER.findall(tail)
    return int(found[-1]) if found else 0


def proc_stat(pid):
    """(ppid, utime+stime, cutime+cstime) in clock ticks, or None when the process is gone."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            data = f.read()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = data[data.rindex(b")") + 2:].split()
    # fields[0] is state (field 3); utime is field 14, so index 11.
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def process_table():
    """pid -> (ppid, own ticks, reaped children's ticks), read once per snapshot."""
    table = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = proc_stat(int(name))
            if st is not None:
                table[int(name)] = st
    return table


def tree_cpu_ticks(root, table):
    """CPU of a process and everything under it, exited children included (the parent reaped them, so
    their time is in its cumulative-children counters)."""
    if root not in table:
        return 0
    total = table[root][1] + table[root][2]
    for pid, st in table.items():
        if st[0] == root:
            total += tree_cpu_ticks(pid, table)
    return total


def system_cpu_ticks():
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    values = [int(v) for v in parts[:8]]
    # user nice system idle iowait irq softirq steal: idle counts iowait; irq+softirq is mostly loopback TCP
    # work the kernel does outside any process's account.
    return sum(values), values[3] + values[4], values[5] + values[6]


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * p // 100))  # nearest-rank
    return sorted_values[int(rank) - 1]


# ---------------------------------------------------------------- pcap: accept latency

def read_pcap(path):
    """Yields (timestamp, src_port, dst_port, flags, payload_len, payload_head) for IPv4/TCP packets."""
    with open(path, "rb") as f:
        header = f.read(24)
        if len(header) < 24:
            return
        magic = header[:4]
        if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
            endian = "<"
        elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
            endian = ">"
        else:
            raise ValueError("%s is not a classic pcap file" % path)
        nanos = magic in (b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d")
        linktype = struct.unpack(endian + "I", header[20:24])[0]
        record = struct.Struct(endian + "IIII")
        while True:
            rh = f.read(16)
            if len(rh) < 16:
                return
            sec, frac, incl, _ = record.unpack(rh)
            data = f.read(incl)
            ts = sec + frac / (1e9 if nanos else 1e6)
            if linktype == 1:  # Ethernet (what Linux uses for lo)
                if data[12:14] != b"\x08\x00":
                    continue
                ip = 14
            elif linktype == 113:  # Linux cooked v1
                if data[14:16] != b"\x08\x00":
                    continue
                ip = 16
            elif linktype == 276:  # Linux cooked v2
                if data[0:2] != b"\x08\x00":
                    continue
                ip = 20
            elif linktype == 0:  # BSD loopback
                ip = 4
            else:
                raise ValueError("unsupported pcap link type %d" % linktype)
            if len(data) < ip + 20 or data[ip + 9] != 6:
                continue
            ihl = (data[ip] & 0x0F) * 4
            total = struct.unpack("!H", data[ip + 2:ip + 4])[0]
            tcp = ip + ihl
            if len(data) < tcp + 14:
                continue
            sport, dport = struct.unpack("!HH", data[tcp:tcp + 4])
            off = (data[tcp + 12] >> 4) * 4
            flags = data[tcp + 13]
            payload_len = total - ihl - off
            yield ts, sport, dport, flags, payload_len, data[tcp + off:tcp + off + 8]


def accept_latencies(path, server_port):
    """Per connection: from the client's last DATA-payload packet (the one carrying CRLF.CRLF) to the server's
    next reply. Needs only the first bytes of each packet: 354 opens the payload, the next server reply ends it."""
    streams = {}
    latencies, codes = [], {}
    for ts, sport, dport, flags, plen, head in read_pcap(path):
        if dport == server_port:
            st = streams.get(sport)
            if flags & 0x02:  # SYN: a new connection on this client port
                streams[sport] = st = {"data": False, "last": None}
            if st is not None and plen > 0 and st["data"]:
                st["last"] = ts
        elif sport == server_port:
            st = streams.get(dport)
            if st is None or plen <= 0:
                continue
            if st["data"] and st["last"] is not None:
                latencies.append(ts - st["last"])
                code = head[:3].decode("ascii", "replace")
                codes[code] = codes.get(code, 0) + 1
                st["data"], st["last"] = False, None
            elif head.startswith(b"354"):
                st["data"], st["last"] = True, None
    return latencies, codes


# ---------------------------------------------------------------- one case

def start_tcpdump(pcap, port, log_path, timeout=15):
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        ["tcpdump", "-i", "lo", "-n", "-s", "128", "-B", "32768", "-Z", "root", "-w", pcap,
         "tcp port %d" % port],
        stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(log_path, "rb") as f:
            if b"listening on" in f.read():
                return proc, log
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    stop_process(proc)
    log.close()
    with open(log_path, "rb") as f:
        raise RuntimeError("tcpdump did not start: %s" % f.read().decode(errors="replace").strip())


def stop_process(proc, sig=signal.SIGTERM, grace=10):
    if proc is None or proc.poll() is not None:
        return
    try:
        proc.send_signal(sig)
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass


def tcpdump_ticks(proc):
    st = proc_stat(proc.pid) if proc is not None else None
    return st[1] if st is not None else 0


def cpu_snapshot(groups):
    table = process_table()
    snap = {name: sum(tree_cpu_ticks(pid, table) for pid in pids) for name, pids in groups.items()}
    snap["measuring"] = table[os.getpid()][1]
    snap["_system"] = system_cpu_ticks()
    return snap


def cpu_split(before, after, extra):
    total = after["_system"][0] - before["_system"][0]
    idle = after["_system"][1] - before["_system"][1]
    split = {}
    for name in before:
        if name != "_system":
            split[name] = after[name] - before[name]
    split.update(extra)
    # Shares of the whole machine (all cores), so they add up to 100 with idle and "other".
    result = {name: round(100.0 * ticks / total, 1) if total else 0.0 for name, ticks in split.items()}
    result["idle"] = round(100.0 * idle / total, 1) if total else 0.0
    irq = after["_system"][2] - before["_system"][2]
    result["kernel irq"] = round(100.0 * irq / total, 1) if total else 0.0
    result["other"] = round(max(0.0, 100.0 - sum(result.values())), 1)
    return result


def case_main(args):
    groups = {}
    for spec in args.cpu:
        name, pids = spec.split("=", 1)
        groups[name] = [int(p) for p in pids.split(",") if p]
    base_a, base_b = sink_count(args.sink_a), sink_count(args.sink_b)

    tcpdump, tcpdump_log = None, None
    source = None
    result = {"target": args.target, "label": args.label, "round": args.round, "size": args.size, "count": args.count,
              "sessions": args.sessions, "reuse": args.reuse, "distinct": args.distinct}
    try:
        if not args.no_capture:
            tcpdump, tcpdump_log = start_tcpdump(args.pcap, args.port, args.pcap + ".log")
        cmd = ["smtp-source", "-s", str(args.sessions), "-m", str(args.count), "-l", str(args.size),
               "-f", "bench@example.test", "-t", "user@example.test", "-M", "client.bench.test"]
        if args.reuse:
            cmd.append("-d")
        if args.distinct:
            cmd.append("-N")
        cmd.append("127.0.0.1:%d" % args.port)
        result["smtp_source"] = " ".join(cmd)

        before = cpu_snapshot(groups)
        tcpdump_ticks0 = tcpdump_ticks(tcpdump)
        t0 = time.monotonic()
        source = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = t0 + args.timeout
        t_accepted = t_both = None
        t_sink = {"a": None, "b": None}
        at_accepted = None
        source_ticks = 0
        while time.monotonic() < deadline:
            now = time.monotonic()
            if t_accepted is None and source.poll() is not None:
                t_accepted = now
                at_accepted = cpu_snapshot(groups)
                tcpdump_ticks1 = tcpdump_ticks(tcpdump)
                if source.returncode != 0:
                    err = source.stderr.read().decode(errors="replace").strip()
                    raise RuntimeError("smtp-source exited with %d: %s" % (source.returncode, err))
            da, db = sink_count(args.sink_a) - base_a, sink_count(args.sink_b) - base_b
            if t_sink["a"] is None and da >= args.count:
                t_sink["a"] = now
            if t_sink["b"] is None and db >= args.count:
                t_sink["b"] = now
            if t_accepted is not None and t_sink["a"] is not None and t_sink["b"] is not None:
                t_both = max(t_sink["a"], t_sink["b"])
                break
            time.sleep(0.02)
        after = cpu_snapshot(groups)
        tcpdump_ticks2 = tcpdump_ticks(tcpdump)
        if t_accepted is None:
            raise RuntimeError("smtp-source did not finish within %ss" % args.timeout)
        source_usage = resource_children_ticks()
        if t_both is None:
            da, db = sink_count(args.sink_a) - base_a, sink_count(args.sink_b) - base_b
            raise RuntimeError("after %ss the sinks hold %d and %d of %d messages"
                               % (args.timeout, da, db, args.count))
        # Anything beyond N after a short settle would be a duplicate delivery. The settle also outlasts the
        # capture's buffer timeout (1 s): tcpdump would otherwise lose the last, partly filled buffer on exit.
        time.sleep(1.5)
        result["sink_a"] = sink_count(args.sink_a) - base_a
        result["sink_b"] = sink_count(args.sink_b) - base_b

        accept_s, both_s = t_accepted - t0, t_both - t0
        result["accept_seconds"] = round(accept_s, 3)
        result["both_seconds"] = round(both_s, 3)
        result["accepted_rate"] = args.count / accept_s
        result["both_rate"] = args.count / both_s
        result["cpu_accept"] = cpu_split(before, at_accepted, {
            "smtp-source": source_usage, "tcpdump": tcpdump_ticks1 - tcpdump_ticks0})
        result["cpu_total"] = cpu_split(before, after, {
            "smtp-source": source_usage, "tcpdump": tcpdump_ticks2 - tcpdump_ticks0})
    finally:
        if source is not None and source.poll() is None:
            stop_process(source)
        if tcpdump is not None:
            stop_process(tcpdump, signal.SIGINT)
            tcpdump_log.close()

    latencies, codes = [], {}
    result["pcap_dropped"] = None
    if not args.no_capture:
        with open(args.pcap + ".log", "rb") as f:
            text = f.read().decode(errors="replace")
        m = re.search(r"(\d+) packets dropped by kernel", text)
        result["pcap_dropped"] = int(m.group(1)) if m else None
        latencies, codes = accept_latencies(args.pcap, args.port)
    latencies.sort()
    result["latency_samples"] = len(latencies)
    result["reply_codes"] = codes
    result["p50_ms"] = percentile(latencies, 50) * 1000 if latencies else None
    result["p99_ms"] = percentile(latencies, 99) * 1000 if latencies else None
    if not args.keep_pcap and not args.no_capture:
        os.unlink(args.pcap)
    with open(args.json, "w") as f:
        json.dump(result, f, indent=1)
    print("  %-10s %6s x %-6d accepted %7.0f msg/s  both %7.0f msg/s  p50 %6.1f ms  p99 %6.1f ms"
          % (args.target, human_size(args.size), args.count, result["accepted_rate"], result["both_rate"],
             result["p50_ms"] or -1, result["p99_ms"] or -1))
    return 0


def resource_children_ticks():
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Only smtp-source has been reaped by now (tcpdump is still running), so this is smtp-source's CPU.
    return int(round((usage.ru_utime + usage.ru_stime) * CLK_TCK))


# ---------------------------------------------------------------- report

def human_size(n):
    return "%d KiB" % (n // 1024) if n % 1024 == 0 else "%d B" % n


def fmt(v, digits=0):
    if v is None:
        return "-"
    return ("%." + str(digits) + "f") % v


def ratio(a, b):
    return "%.2fx" % (a / b) if a and b else "-"


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def report_main(args):
    results = []
    for path in args.json:
        with open(path) as f:
            results.append(json.load(f))
    rounds = sorted({r.get("round", 1) for r in results})
    by = {(r["target"], r["label"], r.get("round", 1)): r for r in results}
    labels = []
    for r in results:
        if r["label"] not in labels:
            labels.append(r["label"])

    rows = [
        ("accepted msgs/s", "accepted_rate", 0, True),
        ("delivered to both msgs/s", "both_rate", 0, True),
        ("accept latency p50 ms", "p50_ms", 2, False),
        ("accept latency p99 ms", "p99_ms", 2, False),
    ]
    out = []
    for label in labels:
        pfs = [by.get(("postfix", label, n)) for n in rounds]
        mss = [by.get(("mailshadow", label, n)) for n in rounds]
        any_r = next(r for r in pfs + mss if r)
        out.append("")
        out.append("%s x %d messages, %d sessions, %s, %s" % (
            human_size(any_r["size"]), any_r["count"], any_r["sessions"],
            "connection reused (-d)" if any_r["reuse"] else "one connection per message",
            "a different recipient per message (-N)" if any_r.get("distinct") else "one recipient for all"))
        if len(rounds) > 1:
            # Each round ran both targets back to back; a ratio is taken within a round, so that what the machine
            # was doing at the time weighs on both sides of it.
            out.append("  %-8s %22s %22s %22s" % ("round", "Postfix acc. / both", "MailShadow acc. / both", "ratios acc. / both"))
            for n, pf, ms in zip(rounds, pfs, mss):
                out.append("  %-8s %22s %22s %22s" % (
                    n,
                    "%s / %s" % (fmt(pf and pf["accepted_rate"]), fmt(pf and pf["both_rate"])),
                    "%s / %s" % (fmt(ms and ms["accepted_rate"]), fmt(ms and ms["both_rate"])),
                    "%s / %s" % (ratio(ms and ms["accepted_rate"], pf and pf["accepted_rate"]),
                                 ratio(ms and ms["both_rate"], pf and pf["both_rate"]))))
            out.append("  median of %d rounds:" % len(rounds))
        out.append("  %-26s %12s %12s %16s" % ("", "Postfix", "MailShadow", "MailShadow/Postfix"))
        for title, key, digits, _ in rows:
            a = median(pf.get(key) for pf in pfs if pf)
            b = median(ms.get(key) for ms in mss if ms)
            if len(rounds) > 1:
                paired = median((ms[key] / pf[key]) for pf, ms in zip(pfs, mss) if pf and ms and pf.get(key) and ms.get(key))
                shown = "%.2fx" % paired if paired else "-"
            else:
                shown = ratio(b, a)
            out.append("  %-26s %12s %12s %16s" % (title, fmt(a, digits), fmt(b, digits), shown))
        for n in rounds:
            for name, r in (("Postfix", by.get(("postfix", label, n))), ("MailShadow", by.get(("mailshadow", label, n)))):
                if not r:
                    continue
                notes = []
                if r["sink_a"] != r["count"] or r["sink_b"] != r["count"]:
                    notes.append("sinks hold %d/%d (duplicates?)" % (r["sink_a"], r["sink_b"]))
                if r["latency_samples"] != r["count"] and r["latency_samples"] > 0:
                    notes.append("%d latency samples for %d messages" % (r["latency_samples"], r["count"]))
                if r.get("pcap_dropped"):
                    notes.append("%d packets dropped by the capture" % r["pcap_dropped"])
                bad = {c: v for c, v in r["reply_codes"].items() if c != "250"}
                if bad:
                    notes.append("non-250 replies to DATA: %s" % bad)
                prefix = name if len(rounds) == 1 else "%s (%d)" % (name, n)
                out.append("  %-10s accept phase %.2fs, until both sinks %.2fs%s" % (
                    prefix, r["accept_seconds"], r["both_seconds"], ("; " + "; ".join(notes)) if notes else ""))
                for phase in ("cpu_accept", "cpu_total"):
                    split = r[phase]
                    parts = ", ".join("%s %.0f%%" % (k, v) for k, v in sorted(split.items(), key=lambda kv: -kv[1]))
                    out.append("  %-10s CPU (%% of all cores, %s): %s" % (
                        "", "accept phase" if phase == "cpu_accept" else "until both", parts))
    print("\n".join(out))
    return 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ports")
    p.add_argument("n", type=int)
    p = sub.add_parser("wait-smtp")
    p.add_argument("port", type=int)
    p.add_argument("timeout", type=float)
    p = sub.add_parser("idle")
    p.add_argument("seconds", type=float)
    p = sub.add_parser("sink-count")
    p.add_argument("file")
    p = sub.add_parser("case")
    p.add_argument("--target", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--round", type=int, default=1)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--sessions", type=int, required=True)
    p.add_argument("--reuse", action="store_true")
    p.add_argument("--distinct", action="store_true", help="smtp-source -N: a different recipient per message")
    p.add_argument("--sink-a", required=True)
    p.add_argument("--sink-b", required=True)
    p.add_argument("--pcap", required=True)
    p.add_argument("--keep-pcap", action="store_true")
    p.add_argument("--no-capture", action="store_true", help="no tcpdump, so no latency (to see what capturing costs)")
    p.add_argument("--cpu", action="append", default=[], help="NAME=PID[,PID...] (process trees)")
    p.add_argument("--timeout", type=float, required=True)
    p.add_argument("--json", required=True)
    p = sub.add_parser("report")
    p.add_argument("json", nargs="+")
    args = parser.parse_args()

    if args.cmd == "ports":
        print(" ".join(str(p) for p in free_ports(args.n)))
        return 0
    if args.cmd == "wait-smtp":
        return 0 if wait_smtp(args.port, args.timeout) else 1
    if args.cmd == "idle":
        total0, idle0, _ = system_cpu_ticks()
        time.sleep(args.seconds)
        total1, idle1, _ = system_cpu_ticks()
        print("%.0f" % (100.0 * (idle1 - idle0) / max(1, total1 - total0)))
        return 0
    if args.cmd == "sink-count":
        print(sink_count(args.file))
        return 0
    if args.cmd == "case":
        return case_main(args)
    return report_main(args)


def _terminate(signum, frame):
    raise KeyboardInterrupt()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except RuntimeError as e:
        print("smtp_fork_measure: %s" % e, file=sys.stderr)
        sys.exit(1)
