#!/usr/bin/env python3
"""Backup under load, restore into a fresh database, start on it, prove nothing acknowledged was lost or done twice.

    ./mvnw -B -q -DskipTests package && python3 bench/backup_test.py --db h2|mysql [--seconds 16] [--clients 6]

Loopback only; the commands are those of docs/operations.md "备份与恢复 / Backup and restore".
  h2:    the jar on a fresh data dir (the shipped H2 URL under disclosure.data-dir); backup = POST /api/admin/backup
         as admin (H2 BACKUP TO, online); restore = `unzip` of that zip into a new, empty data dir.
  mysql: the jar with profile mysql on a fresh schema at 127.0.0.1:3306 (root, no password); backup =
         `mariadb-dump --single-transaction ...`; restore = CREATE DATABASE + `mariadb <schema> < dump.sql`.
         Both schemas are dropped at the end.

Timeline. The first app starts with an SMTP sink of its own; `clients` threads register requests (each with an e-mail
address, so each queues an acknowledgement mail) and handle a third of them at once: a decision (reply mail) or a
supplement notice whose period is already over, so its expiry timer is due `grace` seconds later
(disclosure.backfill-grace) — after the backup. Halfway through the load the sink stops listening (a mail server
outage): from then on mails stay QUEUED in the outbox, their jobs waiting for a retry (R6/PT2M) — so the backup holds
both mails already SENT and mails still to send. After `seconds` the backup is taken while the clients go on for
`after` more seconds; then the first app is stopped. The backup is restored into a fresh database, read (what is in
it) and the app started on it with a working SMTP sink. Checks:
  a. every registration acknowledged before the backup started is there exactly once (GET answers it; re-sending its
     externalReference answers 200 with the same id), and every decision acknowledged before it is in effect;
  b. tracking numbers: those in the backup are gap-free up to the counter, and new registrations after the restore
     continue from it, no number twice;
  c. every expiry timer pending in the backup fires once after the restore (OTHER_NO_SUPPLEMENT, one CONCLUDED event);
  d. every mail QUEUED in the backup reaches the new sink exactly once; no mail SENT in the backup is sent again (and
     every mail that reached the first sink is SENT in the backup); nothing is received twice.
What the old app did after the backup (registrations, mails) is not in the restored database: a restore goes back to
the moment of the backup. Here the first sink is already down then, so no mail goes out twice because of that.
Writes bench-results/backup-test-<db>.md; exit status 0 only if every check holds. The work dir (logs, databases,
backup) is deleted when every check holds and kept for a look when one fails.
"""
import argparse, atexit, glob, os, shutil, signal, socketserver, subprocess, sys, tempfile, threading, time, random, zipfile
import urllib.request
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import benchlib  # noqa: E402
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--db", choices=["h2", "mysql"], required=True)
ap.add_argument("--seconds", type=float, default=16, help="load before the backup (the sink goes down halfway)")
ap.add_argument("--after", type=float, default=4, help="load after the backup started")
ap.add_argument("--clients", type=int, default=6)
ap.add_argument("--grace", type=int, default=45)
ap.add_argument("--new", type=int, default=12, help="registrations after the restore")
ap.add_argument("--out")
opt = ap.parse_args()
out_file = opt.out or os.path.join(ROOT, "bench-results", f"backup-test-{opt.db}.md")


class Sink:
    """SMTP sink on loopback that can go down; counts messages per outbox id (X-Disclosure-Mail-Id)."""

    def __init__(self):
        self.by_id, self.total, self.lock = {}, 0, threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                def say(s):
                    self.wfile.write(s.encode() + b"\r\n")
                say("220 sink")
                while True:
                    line = self.rfile.readline()
                    if not line:
                        return
                    cmd = line.strip().upper()
                    if cmd.startswith(b"DATA"):
                        say("354 end with .")
                        mail_id, in_headers = None, True
                        while True:
                            data = self.rfile.readline()
                            if not data or data.rstrip(b"\r\n") == b".":
                                break
                            if in_headers and not data.strip():
                                in_headers = False
                            elif in_headers and data.lower().startswith(b"x-disclosure-mail-id:"):
                                mail_id = data.split(b":", 1)[1].strip().decode()
                        with sink.lock:
                            sink.total += 1
                            sink.by_id[mail_id] = sink.by_id.get(mail_id, 0) + 1
                        say("250 queued")
                    elif cmd.startswith(b"QUIT"):
                        say("221 bye")
                        return
                    else:  # EHLO/HELO, MAIL, RCPT, RSET, NOOP
                        say("250 ok")

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads, allow_reuse_address = True, True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()

    def close(self):
        """The mail server goes down: the port is closed, connections are refused."""
        self.server.shutdown()
        self.server.server_close()


jar = next(j for j in sorted(glob.glob(os.path.join(ROOT, "target", "disclosure-desk-*.jar"))) if "original" not in j)
work = tempfile.mkdtemp(prefix=f"dd-backup-{opt.db}.")
with zipfile.ZipFile(jar) as z:  # the H2 of the app itself, for reading the restored file
    h2_entry = next(n for n in z.namelist() if n.startswith("BOOT-INF/lib/h2-"))
    h2_jar = z.extract(h2_entry, work)
stamp = f"{os.getpid()}_{int(time.time())}"
schemas = {"first": f"dd_backup_{stamp}_a", "restored": f"dd_backup_{stamp}_b"}
MYSQL = ["-h127.0.0.1", "-uroot"]


def drop_schemas():
    if opt.db == "mysql":
        for s in schemas.values():
            subprocess.run(["mariadb", *MYSQL, "-e", f"DROP DATABASE IF EXISTS {s}"])


atexit.register(drop_schemas)  # also when the script gives up early


def app_args(name, mail_port):
    port = benchlib.free_port()
    args = ["java", "-Xmx512m", "-jar", jar, f"--server.port={port}", "--server.address=127.0.0.1",
            f"--disclosure.data-dir={work}/{name}", "--spring.mail.host=127.0.0.1", f"--spring.mail.port={mail_port}",
            f"--disclosure.backfill-grace=PT{opt.grace}S",
            "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
            # jobs the first app had locked when the backup was taken are free again once the lock expires
            "--camunda.bpm.job-execution.lock-time-in-millis=30000"]
    if opt.db == "mysql":
        args += ["--spring.profiles.active=mysql",
                 f"--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/{schemas[name]}?createDatabaseIfNotExist=true"
                 "&sendFractionalSeconds=false&characterEncoding=UTF-8",
                 "--spring.datasource.username=root", "--spring.datasource.password=",
                 "--camunda.bpm.admin-user.password=admin", "--disclosure.demo-users=true"]
    return args, f"http://127.0.0.1:{port}"


def start(name, mail_port):
    args, base = app_args(name, mail_port)
    t0 = time.time()
    proc = subprocess.Popen(args, cwd=work, stdout=open(os.path.join(work, f"{name}.log"), "a"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    while time.time() - t0 < 240:
        if proc.poll() is not None:
            sys.exit(f"the app exited during start-up, see {work}/{name}.log")
        try:
            urllib.request.urlopen(base + "/actuator/health", timeout=2)
            print(f"{name}: up on {base} in {time.time() - t0:.1f} s")
            return proc, base
        except Exception:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    sys.exit(f"{name}: no answer within 240 s, see {work}/{name}.log")


def stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def sql(name, query):
    """Rows of a query on that database (the app must not be running on it when it is H2)."""
    if opt.db == "mysql":
        out = subprocess.run(["mariadb", *MYSQL, "-N", "-B", schemas[name], "-e", query], capture_output=True,
                             text=True, check=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]
    url = f"jdbc:h2:file:{work}/{name}/disclosure-desk"
    res = subprocess.run(["java", "-cp", h2_jar, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "",
                          "-sql", query], capture_output=True, text=True)
    if res.returncode != 0 or "Exception" in res.stdout + res.stderr:
        sys.exit(f"H2 query failed: {query}\n{res.stdout}{res.stderr}")
    lines = res.stdout.strip().splitlines()[1:]
    return [[c.strip() for c in line.split("|")] for line in lines if line and not line.startswith("(")]


today = datetime.now(timezone(timedelta(hours=8))).date()  # Asia/Shanghai business date
arrived = (today - timedelta(days=3)).isoformat()


def registration(ref, name, email):
    return {"channel": "IN_PERSON", "arrivedOn": arrived, "externalReference": ref, "description": f"备份测试 {ref}",
            "applicant": {"type": "NATURAL_PERSON", "name": name, "email": email, "idNumber": "370102199001011234"}}


results = {}
procs = []
try:
    # ---- 1. the first app under load; the sink goes down halfway; the backup is taken while the load goes on
    sink_a = Sink()
    proc, base = start("first", sink_a.port)
    procs.append(proc)
    acked, actions, lock, halt = {}, {}, threading.Lock(), threading.Event()

    def worker(w):
        rng, i = random.Random(w), 0
        while not halt.is_set():
            i += 1
            ref = f"bk-{w}-{i}"
            try:
                st, r = benchlib.call(base, "POST", "/api/requests", registration(ref, f"备份{w}", f"b{w}x{i}@example.test"))
            except Exception:
                continue
            if st != 201:
                continue
            with lock:
                acked[ref] = (r, time.time())
            kind = rng.choice(["none", "decide", "supplement"])
            try:
                if kind == "decide":
                    st, _ = benchlib.call(base, "POST", f"/api/requests/{r['id']}/decision",
                                          {"outcome": "NOT_PROCESSED_PETITION", "decidedOn": today.isoformat()}, "reviewer")
                elif kind == "supplement":
                    st, _ = benchlib.call(base, "POST", f"/api/requests/{r['id']}/supplement-request",
                                          {"noticeOn": (today - timedelta(days=2)).isoformat(),
                                           "supplementDueOn": (today - timedelta(days=1)).isoformat(),
                                           "items": "请补充"}, "reviewer")
                else:
                    continue
            except Exception:
                continue
            if st == 200:
                with lock:
                    actions[r["id"]] = (kind, time.time())

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(opt.clients)]
    for t in threads:
        t.start()
    time.sleep(opt.seconds / 2)
    sink_a.close()
    sink_down_at = time.time()
    print(f"mail server down after {opt.seconds / 2:g} s ({sink_a.total} mails delivered)")
    time.sleep(opt.seconds / 2)

    backup_started = time.time()
    if opt.db == "h2":
        st, backup = benchlib.call(base, "POST", "/api/admin/backup", None, "admin")
        if st != 201:
            sys.exit(f"POST /api/admin/backup answered {st}: {backup}")
        print(f"POST /api/admin/backup: {backup}")
        backup_file, backup_size = backup["file"], backup["sizeBytes"]
        backup_how = f"`POST /api/admin/backup` → 201, {os.path.basename(backup_file)}, {backup_size / 1e6:.1f} MB"
    else:
        backup_file = os.path.join(work, "dump.sql")
        with open(backup_file, "w") as f:
            subprocess.run(["mariadb-dump", *MYSQL, "--single-transaction", "--quick", "--routines", "--triggers",
                            "--hex-blob", "--default-character-set=utf8mb4", schemas["first"]], stdout=f, check=True)
        backup_size = os.path.getsize(backup_file)
        backup_how = f"`mariadb-dump --single-transaction …` → dump.sql, {backup_size / 1e6:.1f} MB"
    backup_done = time.time()
    print(f"backup in {backup_done - backup_started:.1f} s: {backup_how}")
    time.sleep(opt.after)
    halt.set()
    for t in threads:
        t.join(70)
    stop(proc)
    first_stopped = time.time()
    with lock:
        before = {ref: r for ref, (r, t) in acked.items() if t < backup_started}
        during = {ref: r for ref, (r, t) in acked.items() if backup_started <= t <= backup_done}
        acts_before = {i: k for i, (k, t) in actions.items() if t < backup_started}
    print(f"first app stopped: {len(acked)} registrations acknowledged ({len(before)} before the backup, "
          f"{len(during)} while it ran), {len(actions)} actions, {sink_a.total} mails delivered")

    # ---- 2. restore into a fresh database, exactly as docs/operations.md says
    t0 = time.time()
    if opt.db == "h2":
        os.makedirs(f"{work}/restored")
        subprocess.run(["unzip", "-q", backup_file, "-d", f"{work}/restored"], check=True)
    else:
        subprocess.run(["mariadb", *MYSQL, "-e", f"CREATE DATABASE {schemas['restored']} CHARACTER SET utf8mb4 "
                        "COLLATE utf8mb4_unicode_520_ci"], check=True)
        with open(backup_file) as f:
            subprocess.run(["mariadb", *MYSQL, schemas["restored"]], stdin=f, check=True)
    restore_took = time.time() - t0

    # what the backup holds, read before the restored app touches it
    in_backup = {r[1]: {"id": r[0], "number": r[2], "status": r[3]} for r in
                 sql("restored", "SELECT id, external_reference, tracking_number, status FROM dd_request")}
    counters = {int(r[0]): int(r[1]) for r in sql("restored", "SELECT receipt_year, last_value FROM dd_tracking_counter")}
    mails_in_backup = {r[0]: r[1] for r in sql("restored", "SELECT id, status FROM dd_mail")}
    timers_in_backup = int(sql("restored", "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'")[0][0])
    sent_b = {i for i, s in mails_in_backup.items() if s == "SENT"}
    queued_b = {i for i, s in mails_in_backup.items() if s == "QUEUED"}
    doubt_b = {i for i, s in mails_in_backup.items() if s == "SENDING"}
    by_id = {r["id"]: ref for ref, r in in_backup.items()}
    pending_timers = {i for i, k in acts_before.items() if k == "supplement"
                      and in_backup.get(by_id.get(i), {}).get("status") != "CONCLUDED"}
    print(f"restored in {restore_took:.1f} s: {len(in_backup)} requests, {len(sent_b)} mails sent, "
          f"{len(queued_b)} queued, {len(doubt_b)} in doubt, {timers_in_backup} timers")

    # ---- 3. the app on the restored database, with a working mail server
    sink_b = Sink()
    proc, base = start("restored", sink_b.port)
    procs.append(proc)

    # a. acknowledged before the backup: there, once
    lost = [ref for ref, r in before.items() if benchlib.call(base, "GET", f"/api/requests/{r['id']}", None, "reviewer")[0] != 200]
    again = []
    for ref, r in before.items():
        st, a = benchlib.call(base, "POST", "/api/requests", registration(ref, "重发", "x@example.test"))
        if st != 200 or a.get("id") != r["id"] or a.get("trackingNumber") != r["trackingNumber"]:
            again.append((ref, st))
    results["a. every registration acknowledged before the backup is there"] = (
        not lost and len(before) > 0, f"{len(before)} acknowledged before the backup started, {len(lost)} missing; "
        f"{sum(1 for ref in during if ref in in_backup)} of the {len(during)} acknowledged while it ran are in it too")
    results["a. re-sending their externalReference answers 200 with the same request"] = (
        not again, f"{len(before) - len(again)} of {len(before)}" + (f"; wrong: {again[:5]}" if again else ""))

    # b. numbering continues
    new_numbers = []
    for k in range(opt.new):
        st, r = benchlib.call(base, "POST", "/api/requests", registration(f"bk-new-{k}", "恢复后", f"new{k}@example.test"))
        if st == 201:
            new_numbers.append(r["trackingNumber"])

    # c. expiry timers pending in the backup fire after the restore; acknowledged decisions are in effect
    deadline = time.time() + opt.grace + 150
    waiting = set(pending_timers)
    while waiting and time.time() < deadline:
        waiting = {i for i in waiting
                   if benchlib.call(base, "GET", f"/api/requests/{i}", None, "reviewer")[1].get("status") != "CONCLUDED"}
        time.sleep(2)
    wrong = []
    for i, kind in acts_before.items():
        f = benchlib.call(base, "GET", f"/api/requests/{i}", None, "reviewer")[1]
        want = {"decide": "NOT_PROCESSED_PETITION", "supplement": "OTHER_NO_SUPPLEMENT"}[kind]
        concluded = sum(1 for e in f.get("events", []) if e.get("type") == "CONCLUDED")
        if f.get("status") != "CONCLUDED" or f.get("outcome") != want or concluded != 1:
            wrong.append((i, kind, f.get("status"), f.get("outcome"), concluded))
    n_sup = sum(1 for k in acts_before.values() if k == "supplement")
    results["c. every expiry timer pending in the backup fired once after the restore"] = (
        len(pending_timers) == n_sup and n_sup > 0 and not any(w[1] == "supplement" for w in wrong),
        f"{n_sup} supplement periods acknowledged before the backup, {len(pending_timers)} of them pending in it; "
        f"{sum(1 for w in wrong if w[1] == 'supplement')} not concluded OTHER_NO_SUPPLEMENT with one CONCLUDED event")
    results["a. every decision acknowledged before the backup is in effect"] = (
        not any(w[1] == "decide" for w in wrong),
        f"{sum(1 for k in acts_before.values() if k == 'decide')} decisions, "
        f"{sum(1 for w in wrong if w[1] == 'decide')} not concluded with their outcome once")

    # d. mails: wait for every queued one (a job that failed before the backup retries 2 min after its failure),
    # then until the sink has been quiet for 15 s
    deadline = max(time.time(), first_stopped + 180) + 60
    while time.time() < deadline and not all(i in sink_b.by_id for i in queued_b):
        time.sleep(1)
    last, quiet_since = -1, time.time()
    while time.time() - quiet_since < 15 and time.time() < deadline + 60:
        if sink_b.total != last:
            last, quiet_since = sink_b.total, time.time()
        time.sleep(1)
finally:
    for p in procs:
        stop(p)

try:
    final_mails = {r[0]: r[1] for r in sql("restored", "SELECT id, status FROM dd_mail")}
    numbers = [r[0] for r in sql("restored", "SELECT tracking_number FROM dd_request")]
    twice = sql("restored", "SELECT request_id FROM dd_event WHERE type = 'CONCLUDED' GROUP BY request_id HAVING COUNT(*) > 1")
finally:
    drop_schemas()

# b. every number in the restored database: per year unique and gap-free; the new ones continue the backup's counter
by_year = {}
for n in numbers:
    y, s = n.split("-")
    by_year.setdefault(int(y), []).append(int(s))
gapfree = all(sorted(v) == list(range(1, len(v) + 1)) for v in by_year.values())
backup_seqs = {}
for r in in_backup.values():
    y, s = r["number"].split("-")
    backup_seqs.setdefault(int(y), []).append(int(s))
backup_ok = all(sorted(v) == list(range(1, counters.get(y, -1) + 1)) for y, v in backup_seqs.items())
new_ok = len(new_numbers) == opt.new and all(
    sorted(int(n.split("-")[1]) for n in new_numbers if int(n.split("-")[0]) == y)
    == list(range(counters.get(y, 0) + 1, counters.get(y, 0) + 1 + sum(1 for n in new_numbers if int(n.split("-")[0]) == y)))
    for y in {int(n.split("-")[0]) for n in new_numbers})
results["b. tracking numbers continue after the restore, none twice"] = (
    gapfree and backup_ok and new_ok and len(numbers) == len(set(numbers)),
    f"backup: counter {counters}, its numbers gap-free up to it: {backup_ok}; {len(new_numbers)} new after the restore: "
    f"{min(new_numbers, default='-')} … {max(new_numbers, default='-')}; all {len(numbers)} unique and gap-free: {gapfree}")
results["c. no request concluded twice"] = (not twice, f"{len(twice)} with more than one CONCLUDED event")

dup = sorted(i for i, c in sink_b.by_id.items() if c > 1)
queued_missing = sorted(i for i in queued_b if sink_b.by_id.get(i, 0) != 1)
resent = sorted(i for i in sent_b | doubt_b if i in sink_b.by_id)
strangers = sorted(i for i in sink_b.by_id if i not in final_mails)
first_not_sent = sorted(i for i in sink_a.by_id if i in mails_in_backup and mails_in_backup[i] != "SENT")
first_not_in = sorted(i for i in sink_a.by_id if i not in mails_in_backup)
new_mails = set(final_mails) - set(mails_in_backup)
new_not_once = sorted(i for i in new_mails if sink_b.by_id.get(i, 0) != 1 and final_mails[i] != "QUEUED")
results["d. every mail queued in the backup delivered exactly once after the restore"] = (
    not queued_missing and len(queued_b) > 0,
    f"{len(queued_b)} queued in the backup, {len(queued_b) - len(queued_missing)} delivered once"
    + (f", not exactly once: {queued_missing[:3]}" if queued_missing else ""))
results["d. no mail sent before the backup is sent again"] = (
    not resent and not first_not_sent and not first_not_in and len(sent_b) > 0,
    f"{len(sent_b)} SENT in the backup ({len(sink_a.by_id)} reached the first sink, {len(first_not_sent)} of those "
    f"not SENT in it, {len(first_not_in)} missing from it), {len(doubt_b)} in doubt (SENDING, left to an admin); "
    f"{len(resent)} of these sent again")
results["d. nothing received twice or from outside the outbox"] = (
    not dup and not strangers and not new_not_once,
    f"{sink_b.total} mails after the restore ({len(new_mails)} new ones queued by it), {len(dup)} twice, "
    f"{len(strangers)} not in the outbox")

ok = all(v[0] for v in results.values())
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
db_desc = "H2 file database (shipped URL), online backup by the app" if opt.db == "h2" else \
    "MariaDB " + subprocess.run(["mariadb", *MYSQL, "-N", "-e", "SELECT VERSION()"], capture_output=True,
                                text=True).stdout.strip() + ", profile mysql"
lines = [f"## Backup test ({opt.db}) — {datetime.now(timezone.utc):%Y-%m-%dT%H:%MZ}, commit {commit}", "",
         f"Command: `python3 bench/backup_test.py --db {opt.db} --seconds {opt.seconds:g} --after {opt.after:g} "
         f"--clients {opt.clients} --grace {opt.grace}` ({db_desc})", "",
         f"Load for {opt.seconds:g} s (mail server down after {opt.seconds / 2:g} s), backup under load: {backup_how} "
         f"in {backup_done - backup_started:.1f} s, load {opt.after:g} s more, app stopped; restored into a fresh "
         f"{'data dir (unzip)' if opt.db == 'h2' else 'schema (mariadb < dump.sql)'} in {restore_took:.1f} s and "
         "started on it with a working mail server.", "",
         "| check | result | detail |", "|---|---|---|"]
lines += [f"| {k} | {'ok' if v[0] else '**FAILED**'} | {v[1]} |"
          for k, v in sorted(results.items(), key=lambda kv: kv[0][0])]  # by the letter of the docstring
lines += ["", f"First app: {len(acked)} registrations and {len(actions)} actions acknowledged, {sink_a.total} mails "
          f"delivered before the mail server went down. In the backup: {len(in_backup)} requests, {len(mails_in_backup)} "
          f"mails ({len(sent_b)} sent, {len(queued_b)} queued, {len(doubt_b)} in doubt), {timers_in_backup} timers."]
os.makedirs(os.path.dirname(out_file), exist_ok=True)
open(out_file, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
if ok:
    shutil.rmtree(work, ignore_errors=True)  # hundreds of MB (the H2 files and the backup); kept when a check failed
else:
    print(f"logs and databases kept in {work}")
sys.exit(0 if ok else 1)
