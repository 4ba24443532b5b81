#!/usr/bin/env python3
"""How much a start-up cache saves one service's start: no cache of its own (cold: the JDK's base archive only, what
a restart after a crash had before any archive was written), a class-data-sharing archive (A, what the children use)
and a JDK 25 ahead-of-time cache (B), taking turns, beside a running embedded default.

Usage: in one terminal `./rapport run`; in another, once it is up,
    python3 scripts/startup-cache-ab.py [service] [rounds]          (default: contacts-service 5)

It copies the running instance's command line and environment, makes each cache with a training run that exits once
the application context is refreshed (as Spring Boot's documentation does it), then starts the service on a free port
`rounds` times each way, and prints, for every start, how long until /actuator/health answered 200 and how much CPU
the process had used by then (/proc/<pid>/stat), then the medians and the ratios A/cold and B/A. Each copy is killed once ready.
Linux only; needs the JDK 25 the launcher runs the services with."""
import os, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

service = sys.argv[1] if len(sys.argv) > 1 else 'contacts-service'
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def cmdline(pid):
    return open(f'/proc/{pid}/cmdline', 'rb').read().decode(errors='replace').split('\x00')[:-1]


running = [p for p in os.listdir('/proc') if p.isdigit() and os.path.exists(f'/proc/{p}/cmdline')
           and any(a.endswith(f'/{service}.jar') for a in cmdline(p))]
if not running:
    sys.exit(f'{service} is not running: start the system first (./rapport run)')
pid = running[0]
cmd = cmdline(pid)
env = dict(kv.split('=', 1) for kv in open(f'/proc/{pid}/environ', 'rb').read().decode().split('\x00') if '=' in kv)
cwd = os.readlink(f'/proc/{pid}/cwd')
work = tempfile.mkdtemp(prefix='startup-cache-ab-')
CACHE_FLAGS = ('-XX:SharedArchiveFile=', '-XX:AOTCache', '-XX:+AutoCreateSharedArchive', '-XX:ArchiveClassesAtExit=')


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def variant(flags, port):
    out = []
    for a in cmd:
        if a.startswith(CACHE_FLAGS):
            continue
        if a == '-jar':
            out += flags
        out.append(f'--server.port={port}' if a.startswith('--server.port=') else a)
    return out


def cpu_seconds(p):
    fields = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def start(label, flags, until_ready=True):
    port = free_port()
    log = open(f'{work}/{label}-{port}.log', 'w')
    began = time.time()
    process = subprocess.Popen(variant(flags, port), env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    if not until_ready:
        if process.wait(timeout=300) != 0:
            sys.exit(f'the training run {label} failed: {log.name}')
        return time.time() - began, None
    while True:
        if process.poll() is not None:
            sys.exit(f'{label} exited with {process.returncode}: {log.name}')
        try:
            with urllib.request.urlopen(f'http://127.0.0.1:{port}/actuator/health', timeout=1) as answer:
                if answer.status == 200:
                    break
        except Exception:
            pass
        time.sleep(0.05)
    ready, cpu = time.time() - began, cpu_seconds(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return ready, cpu


exit_at_refresh = '-Dspring.context.exit=onRefresh'
archive, cache = f'{work}/a.jsa', f'{work}/b.aot'
print(f'{service}: training runs ({work})', flush=True)
start('train-A', [f'-XX:ArchiveClassesAtExit={archive}', exit_at_refresh], until_ready=False)
start('train-B', [f'-XX:AOTCacheOutput={cache}', exit_at_refresh], until_ready=False)
kinds = {'cold (no archive of its own)': [],
         'A (class-data-sharing archive)': [f'-XX:SharedArchiveFile={archive}'],
         'B (ahead-of-time cache)': [f'-XX:AOTCache={cache}']}
results = {k: [] for k in kinds}
for _ in range(rounds):
    for kind, flags in kinds.items():
        ready, cpu = start(kind[0], flags)
        results[kind].append((ready, cpu))
        print(f'{kind}: ready in {ready:.2f} s, CPU {cpu:.2f} s', flush=True)


def median(values):
    return sorted(values)[len(values) // 2]


cold, a, b = (results[k] for k in kinds)
for kind, runs in results.items():
    print(f'{kind}: median ready {median([r for r, _ in runs]):.2f} s, median CPU {median([c for _, c in runs]):.2f} s')
for label, x, y in (('A/cold', a, cold), ('B/A', b, a)):
    print(f'ratio {label}: ready {median([r for r, _ in x]) / median([r for r, _ in y]):.2f}, '
          f'CPU {median([c for _, c in x]) / median([c for _, c in y]):.2f}')
shutil.rmtree(work, ignore_errors=True)
