#!/usr/bin/env python3
"""Two app nodes on one MariaDB/MySQL database (loopback only):

    ./mvnw -B -q -DskipTests package && python3 bench/cluster_test.py [--seconds 20] [--clients 6] [--races 30]

Creates its own schema at 127.0.0.1:3306 (root, no password; dropped afterwards), starts node A and then node B with
profile mysql on different ports and the same DISCLOSURE_DB_URL (demo users on), and spreads load over both:
registrations alternate between the nodes, a third get a supplement notice whose period is already over (expiry
timer due `grace` seconds later, run by whichever node's job executor acquires it). Then `races` times two
different decisions on one request are sent to A and B at the same moment. Checks:
  1. tracking numbers unique and gap-free for the year across both nodes;
  2. every expiry timer fired exactly once (one CONCLUDED event, outcome OTHER_NO_SUPPLEMENT);
  3. no lost update: of two concurrent decisions exactly one gets 200, the other 409, and the stored outcome is
     the winner's, with one DECIDED event.
With --agencies K the registrations are spread over K more agencies and check 1 holds per agency (DOMAIN.md §8).
Writes bench-results/cluster-test.md (cluster-test-agencies.md with --agencies); exit 0 only if every check holds.
"""
import argparse, base64, glob, json, os, socket, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import benchlib  # noqa: E402
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--seconds", type=float, default=20)
ap.add_argument("--clients", type=int, default=6)
ap.add_argument("--races", type=int, default=30)
ap.add_argument("--grace", type=int, default=20)
ap.add_argument("--agencies", type=int, default=0,
                help="K > 0: registrations spread over K more agencies; numbers must then be gap-free per agency")
ap.add_argument("--out")
opt = ap.parse_args()
opt.out = opt.out or os.path.join(ROOT, "bench-results", "cluster-test-agencies.md" if opt.agencies else "cluster-test.md")


free_port = benchlib.free_port


def sql(q):
    return subprocess.run(["mariadb", "-uroot", "-h127.0.0.1", "-N", "-B", "-e", q], capture_output=True, text=True,
                          check=True).stdout


jar = next(j for j in sorted(glob.glob(os.path.join(ROOT, "target", "disclosure-desk-*.jar"))) if "original" not in j)
schema = f"dd_cluster_{os.getpid()}_{int(time.time())}"
url = (f"jdbc:mysql://127.0.0.1:3306/{schema}?createDatabaseIfNotExist=true&sendFractionalSeconds=false"
       "&characterEncoding=UTF-8")
work = tempfile.mkdtemp(prefix="dd-cluster.")
nodes = {}


def start(name):
    port = free_port()
    env = dict(os.environ, DISCLOSURE_DB_URL=url, DISCLOSURE_DB_USER="root", DISCLOSURE_DB_PASSWORD="",
               DISCLOSURE_ADMIN_PASSWORD="admin")
    args = ["java", "-Xmx512m", "-jar", jar, "--spring.profiles.active=mysql", f"--server.port={port}",
            "--server.address=127.0.0.1", "--disclosure.demo-users=true", f"--disclosure.data-dir={work}/{name}",
            f"--disclosure.backfill-grace=PT{opt.grace}S", "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
            "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"]
    proc = subprocess.Popen(args, env=env, stdout=open(f"{work}/{name}.log", "w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    t0 = time.time()
    while time.time() - t0 < 180:
        if proc.poll() is not None:
            sys.exit(f"node {name} exited during start-up, see {work}/{name}.log")
        try:
            urllib.request.urlopen(base + "/actuator/health", timeout=2)
            nodes[name] = (proc, base)
            print(f"node {name} up on {base} in {time.time() - t0:.1f} s")
            return
        except Exception:
            time.sleep(0.5)
    sys.exit(f"node {name} did not answer")


def call(node, method, path, body=None, user="clerk"):
    return benchlib.call(nodes[node][1], method, path, body, user)


today = datetime.now(timezone(timedelta(hours=8))).date()
arrived = (today - timedelta(days=3)).isoformat()


codes = [f"C{k:02d}" for k in range(1, opt.agencies + 1)]
# with agencies the admin registers and acts (a member of every agency); else the demo clerk and reviewer
clerk, reviewer = ("admin", "admin") if codes else ("clerk", "reviewer")


def registration(tag, k=0):
    body = {"channel": "IN_PERSON", "arrivedOn": arrived, "description": f"集群测试 {tag}",
            "applicant": {"type": "NATURAL_PERSON", "name": "集群"}}
    if codes:
        body["agencyCode"] = codes[k % len(codes)]
    return body


results = {}
try:
    start("A")
    start("B")
    for n, code in enumerate(codes):
        st, r = call("A" if n % 2 else "B", "POST", "/api/agencies", {
            "code": code, "name": f"集群测试第{n + 1}局", "kind": "DEPARTMENT", "address": "测试路1号",
            "phone": "0631-5200000", "reconsiderationBody": "示例市人民政府", "court": "示例市示例区人民法院"}, "admin")
        if st != 201:
            sys.exit(f"agency {code}: {st} {r}")
    registered, timers, lock, stop = [], [], threading.Lock(), threading.Event()

    def worker(w):
        i = 0
        while not stop.is_set():
            i += 1
            node = "AB"[(w + i) % 2]
            st, r = call(node, "POST", "/api/requests", registration(f"{w}-{i}", w + i), clerk)
            if st != 201:
                continue
            with lock:
                registered.append(r)
            if i % 3 == 0:
                other = "AB"[(w + i + 1) % 2]
                st, _ = call(other, "POST", f"/api/requests/{r['id']}/supplement-request",
                             {"noticeOn": (today - timedelta(days=2)).isoformat(),
                              "supplementDueOn": (today - timedelta(days=1)).isoformat(), "items": "请补充"}, reviewer)
                if st == 200:
                    with lock:
                        timers.append(r["id"])

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(opt.clients)]
    t0 = time.time()
    for t in threads:
        t.start()
    time.sleep(opt.seconds)
    stop.set()
    for t in threads:
        t.join(60)
    rate = len(registered) / (time.time() - t0)
    print(f"{len(registered)} registrations over both nodes ({rate:.1f}/s incl. supplement notices), "
          f"{len(timers)} expiry timers")

    # 3. lost updates: two decisions on one request at the same moment on A and B
    races = []
    for k in range(opt.races):
        st, r = call("A", "POST", "/api/requests", registration(f"race-{k}", k), clerk)
        races.append(r["id"])
    race_wrong = []
    for rid in races:
        barrier, answers = threading.Barrier(2), {}

        def decide(node, outcome):
            barrier.wait()
            answers[node] = (call(node, "POST", f"/api/requests/{rid}/decision",
                                  {"outcome": outcome, "decidedOn": today.isoformat()}, reviewer)[0], outcome)
        ts = [threading.Thread(target=decide, args=("A", "NOT_PROCESSED_PETITION")),
              threading.Thread(target=decide, args=("B", "NOT_PROCESSED_DUPLICATE"))]
        [t.start() for t in ts]
        [t.join() for t in ts]
        codes = sorted(a[0] for a in answers.values())
        f = call("B", "GET", f"/api/requests/{rid}", user=reviewer)[1]
        winner = [a[1] for a in answers.values() if a[0] == 200]
        decided = sum(1 for e in f.get("events", []) if e.get("type") == "DECIDED")
        if codes != [200, 409] or f.get("outcome") != (winner[0] if winner else None) or decided != 1:
            race_wrong.append((rid, codes, f.get("outcome"), winner, decided))
    results["no lost update: concurrent decisions on A and B -> one 200, one 409, winner's outcome stored"] = (
        not race_wrong, f"{opt.races} races, {len(race_wrong)} wrong {race_wrong[:3]}")

    # 2. timers: each fires once, on whichever node
    deadline = time.time() + opt.grace + 120
    pending = set(timers)
    while pending and time.time() < deadline:
        pending = {i for i in pending if call("A", "GET", f"/api/requests/{i}", user=reviewer)[1].get("status") != "CONCLUDED"}
        time.sleep(2)
    time.sleep(5)  # a second firing, if any, would show by now
    bad = []
    for i in timers:
        f = call("B", "GET", f"/api/requests/{i}", user=reviewer)[1]
        n = sum(1 for e in f.get("events", []) if e.get("type") == "CONCLUDED")
        if f.get("outcome") != "OTHER_NO_SUPPLEMENT" or n != 1:
            bad.append((i, f.get("status"), f.get("outcome"), n))
    results["every expiry timer fired exactly once across the two nodes"] = (
        not bad, f"{len(timers)} timers, {len(bad)} wrong {bad[:3]}")

    # 1. numbers
    rows = sql(f"SELECT agency_code, tracking_number FROM {schema}.dd_request WHERE receipt_year = {arrived[:4]}")
    per_agency = {}
    for line in rows.splitlines():
        agency, number = line.split("\t")
        per_agency.setdefault(agency, []).append(int(number.split("-")[-1]))
    gaps = {a: len(s) for a, s in per_agency.items() if sorted(s) != list(range(1, len(s) + 1))}
    total = sum(len(s) for s in per_agency.values())
    results["tracking numbers unique and gap-free per agency across both nodes"] = (
        not gaps and total > 0, f"{total} numbers in {len(per_agency)} agencies, each 1..n; gaps or duplicates in {gaps}")
    nodes_used = sql(f"SELECT COUNT(DISTINCT LOCK_OWNER_) FROM {schema}.ACT_RU_JOB").strip()
finally:
    for proc, _ in nodes.values():
        proc.terminate()
    for proc, _ in nodes.values():
        try:
            proc.wait(60)
        except Exception:
            proc.kill()
    subprocess.run(["mariadb", "-uroot", "-h127.0.0.1", "-e", f"DROP DATABASE IF EXISTS {schema}"])

ok = all(v[0] for v in results.values())
lines = [f"## Cluster test — {datetime.now(timezone.utc):%Y-%m-%dT%H:%MZ}, commit "
         + subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip(),
         "", f"Command: `python3 bench/cluster_test.py --seconds {opt.seconds:g} --clients {opt.clients} --races {opt.races}"
         + (f" --agencies {opt.agencies}" if codes else "") + "` "
         f"(two nodes, profile mysql, one MariaDB schema; {len(registered)} registrations spread over both, "
         f"{rate:.1f}/s incl. supplement notices)", "", "| check | result | detail |", "|---|---|---|"]
lines += [f"| {k} | {'ok' if v[0] else '**FAILED**'} | {v[1]} |" for k, v in results.items()]
os.makedirs(os.path.dirname(opt.out), exist_ok=True)
open(opt.out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
