#!/usr/bin/env python3
"""Crash safety: load, kill -9, restart on the same database, prove nothing was lost or done twice.

    ./mvnw -B -q -DskipTests package && python3 bench/crash_test.py [--seconds 15] [--clients 6] [--grace 45]

Loopback only. Starts the jar on a fresh H2 file database (WRITE_DELAY=0, as shipped) with an SMTP sink of its own,
then 6 clients register requests (each with an e-mail address, so each queues an acknowledgement mail) and handle
them: a third are decided at once (reply mail), a third get a supplement notice whose period is already over, so
their expiry timer is due `grace` seconds later (disclosure.backfill-grace) — after the kill. After `seconds` the app
is killed with SIGKILL, restarted on the same files, and the script checks:
  1. every acknowledged registration is there, exactly once (re-sending its externalReference answers with it);
  2. tracking numbers are unique and gap-free for the year;
  3. every acknowledged action is in effect;
  4. every expiry timer fired once after the restart (concluded OTHER_NO_SUPPLEMENT, one CONCLUDED event);
  5. every mail in dd_mail reached the sink exactly once (counted by its X-Disclosure-Mail-Id header), or is still
     queued with its job waiting/retrying, or is an incident; a mail sent twice is reported as such.
Writes bench-results/crash-test.md. Exit status 0 only if every check holds.
"""
import argparse, base64, glob, json, os, random, signal, socket, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.request
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import benchlib  # noqa: E402
from datetime import date, timedelta, datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--seconds", type=float, default=15)
ap.add_argument("--clients", type=int, default=6)
ap.add_argument("--grace", type=int, default=45)
ap.add_argument("--out", default=os.path.join(ROOT, "bench-results", "crash-test.md"))
opt = ap.parse_args()


free_port = benchlib.free_port


Sink = benchlib.Sink


jar = next(j for j in sorted(glob.glob(os.path.join(ROOT, "target", "disclosure-desk-*.jar"))) if "original" not in j)
h2_jar = sorted(glob.glob(os.path.expanduser("~/.m2/repository/com/h2database/h2/*/h2-*.jar")))[-1]
work = tempfile.mkdtemp(prefix="dd-crash.")
port = free_port()
sink = Sink()
db_url = f"jdbc:h2:file:{work}/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
args = ["java", "-Xmx512m", "-jar", jar, f"--server.port={port}", "--server.address=127.0.0.1",
        f"--disclosure.data-dir={work}", f"--spring.datasource.url={db_url}",
        "--spring.mail.host=127.0.0.1", f"--spring.mail.port={sink.port}",
        f"--disclosure.backfill-grace=PT{opt.grace}S",
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.lock-time-in-millis=30000"]
base = f"http://127.0.0.1:{port}"


def call(method, path, body=None, user="clerk"):
    return benchlib.call(base, method, path, body, user)


def start(log):
    t0 = time.time()
    proc = subprocess.Popen(args, cwd=work, stdout=open(os.path.join(work, log), "a"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    while time.time() - t0 < 180:
        if proc.poll() is not None:
            sys.exit(f"the app exited during start-up, see {work}/{log}")
        try:
            urllib.request.urlopen(base + "/actuator/health", timeout=2)
            return proc, time.time() - t0
        except Exception:
            time.sleep(0.3)
    sys.exit("no answer within 180 s")


today = datetime.now(timezone(timedelta(hours=8))).date()  # Asia/Shanghai business date
arrived = (today - timedelta(days=3)).isoformat()
proc, startup = start("app.log")
print(f"started in {startup:.1f} s, work dir {work}")

acked, actions, lock, stop = {}, {}, threading.Lock(), threading.Event()


def worker(w):
    rng, i = random.Random(w), 0
    while not stop.is_set():
        i += 1
        ref = f"crash-{w}-{i}"
        body = {"channel": "IN_PERSON", "arrivedOn": arrived, "externalReference": ref, "description": f"崩溃测试 {ref}",
                "applicant": {"type": "NATURAL_PERSON", "name": f"测试{w}", "email": f"a{w}x{i}@example.test",
                              "idNumber": "370102199001011234"}}
        try:
            st, r = call("POST", "/api/requests", body)
        except Exception:
            continue
        if st != 201:
            continue
        with lock:
            acked[ref] = r
        kind = rng.choice(["none", "decide", "supplement"])
        try:
            if kind == "decide":
                st, _ = call("POST", f"/api/requests/{r['id']}/decision",
                             {"outcome": "NOT_PROCESSED_PETITION", "decidedOn": today.isoformat()}, "reviewer")
            elif kind == "supplement":
                st, _ = call("POST", f"/api/requests/{r['id']}/supplement-request",
                             {"noticeOn": (today - timedelta(days=2)).isoformat(),
                              "supplementDueOn": (today - timedelta(days=1)).isoformat(), "items": "请补充"}, "reviewer")
            else:
                continue
        except Exception:
            continue
        if st == 200:
            with lock:
                actions[r["id"]] = kind


threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(opt.clients)]
for t in threads:
    t.start()
time.sleep(opt.seconds)
os.killpg(proc.pid, signal.SIGKILL)
killed_at = time.time()
stop.set()
for t in threads:
    t.join(70)
proc.wait()
mails_before_kill = sink.total
print(f"killed: {len(acked)} registrations and {len(actions)} actions acknowledged, {mails_before_kill} mails sent")

proc, restart = start("restart.log")
results = {}
try:
    # 1. every acknowledged registration, once
    lost = [ref for ref, r in acked.items() if call("GET", f"/api/requests/{r['id']}", user="reviewer")[0] != 200]
    again = [ref for ref, r in acked.items() if (lambda s: s[0] != 200 or s[1].get("id") != r["id"])(
        call("POST", "/api/requests", {"channel": "IN_PERSON", "arrivedOn": arrived, "externalReference": ref,
                                       "description": "x", "applicant": {"type": "NATURAL_PERSON", "name": "x"}}))]
    results["acknowledged registrations all there"] = (not lost, f"{len(acked)} acknowledged, {len(lost)} lost")
    results["re-sent registrations answered with the first (no duplicates)"] = (not again, f"{len(again)} not")
    # 2. gap-free numbers for the year, over every request in the database
    numbers, page = [], 0
    while True:
        st, r = call("GET", f"/api/requests?year={today.year - (1 if arrived[:4] != str(today.year) else 0)}"
                            f"&size=1000&page={page}", user="manager")
        numbers += [i["trackingNumber"] for i in r["items"]]
        if len(r["items"]) < 1000:
            break
        page += 1
    seqs = sorted(int(n.split("-")[1]) for n in numbers)
    results["tracking numbers unique and gap-free"] = (seqs == list(range(1, len(seqs) + 1)),
                                                       f"{len(seqs)} numbers, 1..{seqs[-1] if seqs else 0}")
    # 3 + 4. acknowledged actions in effect; expiry timers fire once after the restart
    deadline = time.time() + opt.grace + 120
    pending = {i for i, k in actions.items() if k == "supplement"}
    while pending and time.time() < deadline:
        pending = {i for i in pending if call("GET", f"/api/requests/{i}", user="reviewer")[1].get("status") != "CONCLUDED"}
        time.sleep(2)
    wrong, twice = [], []
    for i, kind in actions.items():
        f = call("GET", f"/api/requests/{i}", user="reviewer")[1]
        want = {"decide": "NOT_PROCESSED_PETITION", "supplement": "OTHER_NO_SUPPLEMENT"}[kind]
        if f.get("status") != "CONCLUDED" or f.get("outcome") != want:
            wrong.append((i, kind, f.get("status"), f.get("outcome")))
        if sum(1 for e in f.get("events", []) if e.get("type") == "CONCLUDED") != 1:
            twice.append(i)
    n_timers = sum(1 for k in actions.values() if k == "supplement")
    results["acknowledged actions in effect, expiry timers fired after restart"] = (
        not wrong, f"{len(actions)} actions ({n_timers} supplement periods expiring after the kill), {len(wrong)} wrong")
    results["each request concluded exactly once"] = (not twice, f"{len(twice)} concluded more than once")
    # 5. mails: wait until the sink has been quiet for 15 s (jobs the killed process had locked are taken over once
    # their lock expires: 30 s here, camunda.bpm.job-execution.lock-time-in-millis, 5 min by default)
    last, quiet_since = -1, time.time()
    while time.time() - quiet_since < 15 and time.time() < deadline + 120:
        if sink.total != last:
            last, quiet_since = sink.total, time.time()
        time.sleep(1)
finally:
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(60)


def h2sql(sql):
    out = subprocess.run(["java", "-cp", h2_jar, "org.h2.tools.Shell", "-url", db_url, "-user", "sa", "-password", "",
                          "-sql", sql], capture_output=True, text=True).stdout
    rows = [l.split("|") for l in out.strip().splitlines()[1:] if not l.startswith("(")]
    return [[c.strip() for c in r] for r in rows]


mails = h2sql("SELECT m.id, m.status FROM dd_mail m")
incidents = {r[0] for r in h2sql("SELECT v.TEXT_ FROM ACT_RU_INCIDENT i JOIN ACT_RU_VARIABLE v ON v.PROC_INST_ID_ = i.PROC_INST_ID_ "
                              "AND v.NAME_ = 'mailId'")}
waiting = {r[0] for r in h2sql("SELECT v.TEXT_ FROM ACT_RU_JOB j JOIN ACT_RU_VARIABLE v ON v.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ "
                            "AND v.NAME_ = 'mailId'")}
sent_once = sum(1 for i, s in mails if s == "SENT" and sink.by_id.get(i, 0) == 1)
dup = [i for i, s in mails if sink.by_id.get(i, 0) > 1]
missing = [i for i, s in mails if s == "SENT" and sink.by_id.get(i, 0) == 0]
unaccounted = [i for i, s in mails if s != "SENT" and i not in incidents and i not in waiting]
strangers = [i for i in sink.by_id if i not in {m[0] for m in mails}]
results["every mail sent exactly once, or still queued/incident"] = (
    not dup and not missing and not unaccounted and not strangers,
    f"{len(mails)} in outbox: {sent_once} sent once, {len(dup)} sent twice, {len(missing)} marked sent but never "
    f"received, {sum(1 for i, s in mails if s != 'SENT')} not yet sent ({len(unaccounted)} with no job or incident), "
    f"{len(strangers)} received that are not in the outbox")

ok = all(v[0] for v in results.values())
lines = [f"## Crash test — {datetime.now(timezone.utc):%Y-%m-%dT%H:%MZ}, commit "
         + subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip(),
         "", f"Command: `python3 bench/crash_test.py --seconds {opt.seconds:g} --clients {opt.clients} --grace {opt.grace}` "
         f"(H2 file database, WRITE_DELAY=0; kill -9 after {opt.seconds:g} s of load; restart took {restart:.1f} s)", "",
         "| check | result | detail |", "|---|---|---|"]
lines += [f"| {k} | {'ok' if v[0] else '**FAILED**'} | {v[1]} |" for k, v in results.items()]
lines += ["", f"Before the kill: {len(acked)} registrations and {len(actions)} actions acknowledged, "
          f"{mails_before_kill} mails delivered to the sink."]
os.makedirs(os.path.dirname(opt.out), exist_ok=True)
open(opt.out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
