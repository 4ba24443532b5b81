#!/usr/bin/env python3
"""Outreach at a steady rate straight at contacts-service, and what each outreach costs every process in CPU.

Beside a running embedded default started with a known identity secret (the services verify the tokens this script
signs with it, as the gateway's):

    RAPPORT_IDENTITY_SECRET=<32+ characters> ./rapport run --reset
    RAPPORT_IDENTITY_SECRET=<the same> python3 scripts/outreach-load.py --rate 30 --seconds 30

Creates --members members with --contacts fresh contacts each, waits --settle seconds for the events that caused to
be applied, then records outreach to random ones of those contacts at --rate per second for --seconds, and prints
the calls' latency and, per process (read from /proc over the middle of the window), the share of one core and the
milliseconds of CPU per outreach. Run it twice on a freshly started system: the first round warms the JITs.
Measured with it (README, "Figures", session 21): the store, contacts-service and the consumers of an outreach.
"""
import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import uuid

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def token(secret, member, tenant):
    def b64(raw):
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    now = int(time.time())
    head = b64(b'{"alg":"HS256"}')
    claims = b64(json.dumps({"iss": "rapport-gateway", "aud": "rapport-services", "sub": member, "tenant": tenant,
                             "roles": ["member"], "iat": now, "exp": now + 60}).encode())
    signature = b64(hmac.new(secret, (head + "." + claims).encode(), hashlib.sha256).digest())
    return head + "." + claims + "." + signature


class Client:
    def __init__(self, port, secret, tenant):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.secret, self.tenant = secret, tenant

    def post(self, path, member, body):
        self.conn.request("POST", path, body=json.dumps(body), headers={
            "X-Rapport-Identity": token(self.secret, member, self.tenant), "Content-Type": "application/json"})
        response = self.conn.getresponse()
        return response.status, response.read()


def processes():
    """pid -> name for the embedded default's JVMs (named by their class-data-sharing archive) and the store."""
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        for arg in args:
            match = re.search(r"cds/([a-z-]+)\.jsa$", arg)
            if match:
                found[pid] = match.group(1)
    return found


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8081, help="contacts-service's port (8081)")
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--contacts", type=int, default=50, help="fresh contacts per member")
    parser.add_argument("--settle", type=float, default=30, help="seconds between creating them and the load")
    parser.add_argument("--rate", type=float, default=30, help="outreach per second")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=8)
    options = parser.parse_args()
    secret = os.environ.get("RAPPORT_IDENTITY_SECRET", "")
    if len(secret) < 32:
        sys.exit("RAPPORT_IDENTITY_SECRET must be the running system's (32 characters or more)")
    tenant = "load-" + uuid.uuid4().hex[:8]
    contacts = {}

    def create(i):
        member, client, ids = f"m{i:03d}", Client(options.port, secret.encode(), tenant), []
        for j in range(options.contacts):
            status, body = client.post("/api/contacts", member, {
                "name": f"Contact {i} {j}", "email": f"c{i}.{j}@example.com", "employer": f"Org {j}"})
            if status != 201:
                sys.exit(f"creating a contact answered {status}: {body[:300]!r}")
            ids.append(json.loads(body)["id"])
        contacts[member] = ids

    threads = [threading.Thread(target=create, args=(i,)) for i in range(options.members)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(f"{options.members * options.contacts} contacts created; {options.settle:.0f} s to settle", flush=True)
    time.sleep(options.settle)

    latencies, refused, lock = [], [], threading.Lock()
    start = time.time()
    stop = start + options.seconds
    ticket = [0]

    def load():
        client = Client(options.port, secret.encode(), tenant)
        members = list(contacts)
        while True:
            with lock:
                slot = start + ticket[0] / options.rate
                ticket[0] += 1
            if slot >= stop:
                return
            if slot > time.time():
                time.sleep(slot - time.time())
            member = random.choice(members)
            t0 = time.perf_counter()
            status, _ = client.post(f"/api/contacts/{random.choice(contacts[member])}/outreach", member, {
                "channel": "email", "memberTimeZone": "UTC",
                "text": "Hi, would you have 20 minutes next week to tell me how you got into the field?"})
            with lock:
                (latencies if status == 201 else refused).append(time.perf_counter() - t0)

    threads = [threading.Thread(target=load) for _ in range(options.threads)]
    [t.start() for t in threads]
    # CPU over the middle of the window: without the ramp-up and the last calls' tail
    time.sleep(min(3, options.seconds / 10))
    named = processes()
    before, t_before = {pid: cpu_ticks(pid) for pid in named}, time.time()
    time.sleep(max(1, options.seconds - 2 * min(3, options.seconds / 10)))
    after, t_after = {pid: cpu_ticks(pid) for pid in named}, time.time()
    [t.join() for t in threads]

    latencies.sort()
    n = len(latencies)
    rate = n / options.seconds
    if n == 0:
        sys.exit(f"no outreach recorded ({len(refused)} refused)")
    print(f"{n} outreach recorded, {len(refused)} refused, {rate:.0f}/s; "
          f"p50 {latencies[n // 2] * 1000:.1f} ms, p99 {latencies[min(n - 1, int(n * 0.99))] * 1000:.1f} ms")
    window, total = t_after - t_before, 0.0
    for pid, name in sorted(named.items(), key=lambda item: item[1]):
        if before[pid] is None or after[pid] is None:
            continue
        share = (after[pid] - before[pid]) / CLOCK_TICKS / window
        total += share
        print(f"  {name:20s} {share * 100:5.1f} % of one core  {share * 1000 / rate:6.2f} ms of CPU per outreach")
    print(f"  {'all':20s} {total * 100:5.1f} % of one core  {total * 1000 / rate:6.2f} ms of CPU per outreach")


if __name__ == "__main__":
    main()
