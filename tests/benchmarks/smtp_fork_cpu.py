#!/usr/bin/python3
"""CPU time per message of MailShadow under the SMTP fork benchmark's load.

Wall-clock rates move with whatever else runs on the machine; the CPU the MailShadow process spends per message
moves much less. This runs the same load as smtp-fork-vs-postfix.sh (smtp-source, one connection per message, a
different recipient per message, two smtp-sinks as the sites) against MailShadow alone, and reports, per round,
the process's utime+stime per message from /proc, split by thread name, measured from the start of smtp-source
until both sinks hold every message (so ingress, journal and delivery to both sites are all in it).

usage: sudo -E tests/benchmarks/smtp_fork_cpu.py [--warmup 3000] [--count 5000] [--rounds 3] [--size 4096]
         [--sessions 20] [--env NAME=VALUE ...] [--perf FILE] [--dll PATH] [--json FILE] [--keep]
  --env     extra environment for the MailShadow process (runtime knobs such as DOTNET_TieredPGO=0)
  --perf    record `perf record -g` over the last round (with --env DOTNET_PerfMapEnabled=1 for .NET frames)
  --dll     the MailShadow build to run (default: this tree's Release build), e.g. an older build to compare
Needs root (smtp-sink drops to the postfix user) and a Release build (dotnet build src/MailShadow -c Release).
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.normpath(os.path.join(here, "..", ".."))
sys.path.insert(0, here)
import smtp_fork_measure as m  # noqa: E402  (free ports, readiness waits, sink counters)

CLK_TCK = os.sysconf("SC_CLK_TCK")


def thread_ticks(pid):
    """thread name -> utime+stime ticks summed over the process's live threads."""
    result = {}
    task_dir = "/proc/%d/task" % pid
    for tid in os.listdir(task_dir):
        try:
            with open("%s/%s/stat" % (task_dir, tid), "rb") as f:
                data = f.read()
        except (FileNotFoundError, ProcessLookupError):
            continue
        name = data[data.index(b"(") + 1:data.rindex(b")")].decode(errors="replace")
        fields = data[data.rindex(b")") + 2:].split()
        name = group_name(name)
        result[name] = result.get(name, 0) + int(fields[11]) + int(fields[12])
    return result


def group_name(name):
    # .NET names thread-pool workers ".NET TP Worker", the socket engine ".NET SocketEng", the JIT's background
    # compiler ".NET Tiered Com"; Linux truncates names to 15 characters.
    return name


def context_switches(pid):
    """(threads, voluntary + involuntary context switches summed over the process's live threads)."""
    threads = switches = 0
    task_dir = "/proc/%d/task" % pid
    for tid in os.listdir(task_dir):
        try:
            with open("%s/%s/status" % (task_dir, tid)) as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue
        threads += 1
    return threads, switches


def process_ticks(pid):
    with open("/proc/%d/stat" % pid, "rb") as f:
        data = f.read()
    fields = data[data.rindex(b")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def send(port, count, size, sessions):
    cmd = ["smtp-source", "-s", str(sessions), "-m", str(count), "-l", str(size), "-N",
           "-f", "bench@example.test", "-t", "user@example.test", "-M", "client.bench.test", "127.0.0.1:%d" % port]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_round(pid, port, sinks, count, size, sessions, timeout):
    base = [m.sink_count(s) for s in sinks]
    _, switches0 = context_switches(pid)
    threads0, cpu0, t0 = thread_ticks(pid), process_ticks(pid), time.monotonic()
    source = send(port, count, size, sessions)
    deadline = t0 + timeout
    accepted = None
    try:
        while time.monotonic() < deadline:
            if accepted is None and source.poll() is not None:
                accepted = time.monotonic() - t0
                if source.returncode != 0:
                    raise RuntimeError("smtp-source exited with %d: %s" % (source.returncode, source.stderr.read().decode(errors="replace")))
            if accepted is not None and all(m.sink_count(s) - b >= count for s, b in zip(sinks, base)):
                break
            time.sleep(0.02)
        else:
            raise RuntimeError("round did not finish within %ss" % timeout)
    finally:
        # Stopped by its PID whatever ended the round (a timeout, a signal); a no-op once it has exited.
        m.stop_process(source)
    both = time.monotonic() - t0
    cpu1, threads1 = process_ticks(pid), thread_ticks(pid)
    thread_count, switches1 = context_switches(pid)
    ms = 1000.0 / CLK_TCK
    split = {name: (threads1.get(name, 0) - threads0.get(name, 0)) * ms / count for name in threads1}
    return {
        "count": count, "accept_s": round(accepted, 3), "both_s": round(both, 3),
        "accepted_rate": round(count / accepted), "both_rate": round(count / both),
        "cpu_ms_per_msg": round((cpu1 - cpu0) * ms / count, 4),
        "switches_per_msg": round((switches1 - switches0) / count, 1),
        "threads": thread_count,
        "threads_ms_per_msg": {k: round(v, 4) for k, v in sorted(split.items(), key=lambda kv: -kv[1]) if v > 0},
        "loadavg": open("/proc/loadavg").read().split()[:3],
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--warmup", type=int, default=3000)
    p.add_argument("--count", type=int, default=5000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--size", type=int, default=4096)
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--timeout", type=int, default=300)
    p.add_argument("--env", action="append", default=[])
    p.add_argument("--dll", default=os.path.join(repo, "src/MailShadow/bin/Release/net10.0/mailshadow.dll"))
    p.add_argument("--perf", help="record `perf record -g` over the last round into this file (add --env DOTNET_PerfMapEnabled=1)")
    p.add_argument("--json")
    p.add_argument("--keep", action="store_true")
    args = p.parse_args()

    # A SIGTERM (or SIGINT) must still run the cleanup below, which stops the sinks and MailShadow by their PIDs.
    def interrupted(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)

    work = tempfile.mkdtemp(prefix="smtp-fork-cpu.", dir=os.environ.get("BENCH_WORKDIR", "/var/tmp"))
    os.chmod(work, 0o755)
    procs = []
    try:
        sink_ports = m.free_ports(2)
        sinks = []
        for name, port in zip("ab", sink_ports):
            out = os.path.join(work, "sink-%s.out" % name)
            procs.append(subprocess.Popen(["smtp-sink", "-u", "postfix", "-c", "-h", "site-%s.sink" % name, "-m", "1024",
                                           "127.0.0.1:%d" % port, "1024"], stdout=open(out, "wb"), stderr=subprocess.STDOUT))
            sinks.append(out)
        for port in sink_ports:
            if not m.wait_smtp(port, 10):
                raise RuntimeError("smtp-sink did not start")

        ports = m.free_ports(7)
        with open(os.path.join(repo, "config/mailshadow.lab.json")) as f:
            config = json.load(f)
        ms = config["MailShadow"]
        ms["DataDirectory"] = os.path.join(work, "data")
        ms["Sites"]["primary"].update({"Smtp": "127.0.0.1:%d" % sink_ports[0], "SmtpTls": "None", "Http": "http://127.0.0.1:%d" % ports[0]})
        ms["Sites"]["standby"].update({"Smtp": "127.0.0.1:%d" % sink_ports[1], "SmtpTls": "None", "Http": "http://127.0.0.1:%d" % ports[1]})
        ms["Ingress"]["Smtp"]["Listen"] = "127.0.0.1:%d" % ports[2]
        ms["Ingress"]["Smtp"]["RecipientVerification"]["Enabled"] = False
        ms["Proxy"] = {"Http": "http://127.0.0.1:%d" % ports[3], "Https": "https://127.0.0.1:%d" % ports[4]}
        ms["Admin"]["Listen"] = "http://127.0.0.1:%d" % ports[5]
        config_path = os.path.join(work, "mailshadow.json")
        with open(config_path, "w") as f:
            json.dump(config, f, indent=2)
        env = dict(os.environ)
        for item in args.env:
            k, v = item.split("=", 1)
            env[k] = v
        log = open(os.path.join(work, "mailshadow.log"), "wb")
        ms_proc = subprocess.Popen(["dotnet", args.dll, "run", "--config", config_path, "--data", ms["DataDirectory"]],
                                   stdout=log, stderr=subprocess.STDOUT, env=env)
        procs.append(ms_proc)
        port = ports[2]
        if not m.wait_smtp(port, 60):
            raise RuntimeError("mailshadow did not start; see %s" % log.name)

        if args.warmup:
            w = run_round(ms_proc.pid, port, sinks, args.warmup, 4096, args.sessions, args.timeout)
            print("warmup  %5d msgs  %.3f ms CPU/msg  accepted %d/s  both %d/s  load %s" % (
                args.warmup, w["cpu_ms_per_msg"], w["accepted_rate"], w["both_rate"], " ".join(w["loadavg"])), flush=True)
        rounds = []
        for i in range(args.rounds):
            perf = None
            if args.perf and i == args.rounds - 1:
                perf = subprocess.Popen(["perf", "record", "-F", "999", "-g", "-p", str(ms_proc.pid), "-o", args.perf],
                                        stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "perf.log"), "wb"))
                time.sleep(1)
            r = run_round(ms_proc.pid, port, sinks, args.count, args.size, args.sessions, args.timeout)
            if perf is not None:
                m.stop_process(perf, signal.SIGINT, grace=60)
            rounds.append(r)
            top = ", ".join("%s %.3f" % kv for kv in list(r["threads_ms_per_msg"].items())[:6])
            print("round %d %5d msgs  %.3f ms CPU/msg  accepted %d/s  both %d/s  load %s\n        threads: %s\n"
                  "        %.1f context switches/msg over %d threads" % (
                      i + 1, args.count, r["cpu_ms_per_msg"], r["accepted_rate"], r["both_rate"], " ".join(r["loadavg"]), top,
                      r["switches_per_msg"], r["threads"]), flush=True)
        cpus = sorted(r["cpu_ms_per_msg"] for r in rounds)
        print("CPU ms/msg: min %.3f  median %.3f  max %.3f" % (cpus[0], cpus[len(cpus) // 2], cpus[-1]))
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"env": args.env, "size": args.size, "rounds": rounds}, f, indent=1)
    finally:
        for proc in reversed(procs):
            m.stop_process(proc)
        if args.keep:
            print("kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
