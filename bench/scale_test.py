#!/usr/bin/env python3
"""Ten years of requests: does the cost stay flat as the data grows?

    ./mvnw -B -q -DskipTests package
    python3 bench/scale_test.py --db mysql|h2 --requests N [--open K] [--keep SCHEMA] [--reuse SCHEMA]

1. A fresh database is grown to N concluded requests over ten years plus K open ones (default 5,000):
   the app itself first drives every kind of lifecycle once through its API (bench/scale_lifecycles.py), then those
   rows, ours and Camunda's, are copied in SQL with new ids, dates, applicants and descriptions (bench/scale_grow.py).
2. The app runs on that database and, side by side, on an empty one (same jar, same machine, same server), and the
   two are measured in interleaved rounds: registrations/s and full lifecycles/s (bench/LoadGenerator.java), and the
   latency of the ledger search (tracking number, applicant name, ID number, two words of the description), a
   request's page (GET /api/requests/{id}), the overdue list, the Tasklist group filter as Tasklist calls it (list
   and count of the filter 我组的任务), and a year's statistics.
3. History cleanup (ten-year time-to-live) runs on the grown database with its batch window opened for the
   measurement: finished process instances removed per minute.

Loopback only. MySQL/MariaDB at 127.0.0.1:3306 (root, no password); H2 in a temp dir. --keep SCHEMA keeps the grown
database (a schema of that name, or for H2 a directory /tmp/SCHEMA) and --reuse SCHEMA measures a kept one again.
Writes bench-results/scale-<db>.md; the last line printed is
`scale N=<N>: full/empty registration <x> lifecycle <y>; p95 ms search <a> detail <b> overdue <c> tasklist <d> statistics <e>`.
"""
import argparse, glob, json, math, os, random, re, shutil, signal, statistics, subprocess, sys, tempfile, time
import urllib.parse, urllib.request
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import benchlib, scale_grow, scale_lifecycles  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--db", choices=["mysql", "h2"], default="h2")
ap.add_argument("--requests", type=int, default=200_000)
ap.add_argument("--open", type=int, default=5000)
ap.add_argument("--keep", help="keep the grown database under this name")
ap.add_argument("--reuse", help="measure a database kept by an earlier --keep")
ap.add_argument("--rounds", type=int, default=3)
ap.add_argument("--seconds", type=int, default=15, help="per throughput mode and round")
ap.add_argument("--clients", type=int, default=4)
ap.add_argument("--samples", type=int, default=40, help="per latency kind, app and round")
ap.add_argument("--cleanup-minutes", type=float, default=3)
ap.add_argument("--buffer-pool-gb", type=float, default=8,
                help="MySQL/MariaDB: innodb_buffer_pool_size for the run, as a production server would have it"
                     " (restored afterwards); 0 leaves it as it is")
ap.add_argument("--grow-only", action="store_true", help="grow and keep the database (with --keep), measure nothing")
ap.add_argument("--out")
opt = ap.parse_args()
out_file = opt.out or os.path.join(ROOT, "bench-results", f"scale-{opt.db}.md")
jar = next(j for j in sorted(glob.glob(os.path.join(ROOT, "target", "disclosure-desk-*.jar"))) if "original" not in j)
h2_jar = sorted(glob.glob(os.path.expanduser("~/.m2/repository/com/h2database/h2/*/h2-*.jar")))[-1]
today = datetime.now(timezone(timedelta(hours=8))).date()  # the business date, Asia/Shanghai
work = tempfile.mkdtemp(prefix="dd-scale.")
sink = benchlib.Sink()
dialect = scale_grow.Dialect(opt.db)
started = time.time()


def log(msg):
    print(f"[{time.time() - started:7.1f}s] {msg}", flush=True)


# ---------------------------------------------------------------- the two databases
class Db:
    def __init__(self, name, fresh):
        self.name = name
        if opt.db == "mysql":
            if fresh:
                sh(["mariadb", "-uroot", "-h127.0.0.1", "-e", f"DROP DATABASE IF EXISTS {name}"])
            self.url = (f"jdbc:mysql://127.0.0.1:3306/{name}?createDatabaseIfNotExist=true&sendFractionalSeconds=false"
                        "&characterEncoding=UTF-8")
        else:
            self.dir = os.path.join("/tmp", name) if (opt.keep or opt.reuse) and name in (opt.keep, opt.reuse) \
                else os.path.join(work, name)
            if fresh:
                shutil.rmtree(self.dir, ignore_errors=True)
            os.makedirs(self.dir, exist_ok=True)
            self.url = f"jdbc:h2:file:{self.dir}/disclosure-desk"

    def query(self, sql):
        if opt.db == "mysql":
            text = sh(["mariadb", "-uroot", "-h127.0.0.1", "-N", "-B", self.name, "-e", sql])
            return [line.split("\t") for line in text.splitlines() if line]
        text = sh(["java", "-cp", h2_jar, "org.h2.tools.Shell", "-url", self.url, "-user", "sa", "-password", "",
                   "-sql", sql])
        rows = []
        for line in text.splitlines()[1:]:
            if line.startswith("(") and "row" in line:
                break
            rows.append([c.strip() for c in line.split("|")])
        return rows

    def script(self, statements, name="grow"):
        """Runs statements in one session, printing the log markers as they are reached."""
        path = os.path.join(work, f"{name}.sql")
        with open(path, "w") as f:
            if opt.db == "mysql":
                f.write("SET SESSION foreign_key_checks = 0;\nSET SESSION unique_checks = 0;\n")
            else:
                # space of old page versions reused at once (MVStore keeps them 45 s by default, and a bulk copy
                # rewrites pages far faster than that: at 200,000 the file passed 13 GB)
                f.write("SET REFERENTIAL_INTEGRITY FALSE;\nSET RETENTION_TIME 0;\n")
            for s in statements:
                if isinstance(s, tuple):
                    f.write(f"SELECT '{s[1]}';\n" if opt.db == "mysql" else f"-- {s[1]}\n")
                else:
                    f.write(s + ";\n")
            if opt.db == "h2":
                f.write("SET REFERENTIAL_INTEGRITY TRUE;\n")
        if opt.db == "mysql":
            p = subprocess.Popen(["mariadb", "-uroot", "-h127.0.0.1", "-N", "-B", "--unbuffered", self.name],
                                 stdin=open(path), stdout=subprocess.PIPE, text=True)
            for line in p.stdout:
                log("  " + line.strip())
            if p.wait() != 0:
                sys.exit("growing the database failed")
        else:
            log(f"  running {len(statements)} statements in H2 (no progress lines)")
            # a 1 GB page cache instead of H2's 16 MB: the copy otherwise rereads index pages from the file
            sh(["java", "-Xmx3g", "-cp", h2_jar, "org.h2.tools.RunScript", "-url", self.url + ";CACHE_SIZE=1048576",
                "-user", "sa", "-password", "", "-script", path])

    def drop(self):
        if opt.db == "mysql":
            sh(["mariadb", "-uroot", "-h127.0.0.1", "-e", f"DROP DATABASE IF EXISTS {self.name}"])
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


def sh(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(args[:6])}…: {r.stderr.strip()[:2000]}")
    return r.stdout


class App:
    def __init__(self, db, label, extra=()):
        self.db, self.label, self.port = db, label, benchlib.free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = ["java", "-Xmx1g", "-jar", jar, f"--server.port={self.port}", "--server.address=127.0.0.1",
                f"--disclosure.data-dir={db.dir if opt.db == 'h2' else work}", "--spring.mail.host=127.0.0.1",
                f"--spring.mail.port={sink.port}"]
        # on H2 the shipped URL (application.yaml) under the data directory, so the bench measures its settings
        if opt.db == "mysql":
            args += [f"--spring.datasource.url={db.url}", "--spring.profiles.active=mysql",
                     "--spring.datasource.username=root", "--spring.datasource.password=",
                     "--camunda.bpm.admin-user.password=admin", "--disclosure.demo-users=true"]
        args += list(extra)
        self.log = os.path.join(work, f"{label}.log")
        t0 = time.time()
        self.proc = subprocess.Popen(args, cwd=work, stdout=open(self.log, "a"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        while True:
            if self.proc.poll() is not None:
                sys.exit(f"the app ({label}) exited during start-up, see {self.log}")
            try:
                urllib.request.urlopen(self.base + "/actuator/health", timeout=2)
                break
            except Exception:
                if time.time() - t0 > 1800:
                    sys.exit(f"the app ({label}) did not answer within 30 min, see {self.log}")
                time.sleep(0.5)
        self.startup = time.time() - t0
        log(f"{label}: started in {self.startup:.1f} s on port {self.port}")

    def call(self, method, path, body=None, user="reviewer"):
        return benchlib.call(self.base, method, path, body, user)

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(90)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def gauge(self, name):
        text = get_text(self.base + "/actuator/prometheus", "manager")
        m = re.search(rf"^{name}(?:{{[^}}]*}})? ([0-9.eE+-]+)$", text, re.M)
        return float(m.group(1)) if m else None


class TasklistSession:
    """Tasklist as the browser uses it: its page (session and XSRF cookies), the login, then the webapp's own engine
    API under /camunda/api/engine with the session cookie and the X-XSRF-TOKEN header."""
    def __init__(self, base, user):
        import http.cookiejar
        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener.open(base + "/camunda/app/tasklist/default/", timeout=60).read()
        self.post("/camunda/api/admin/auth/user/default/login/tasklist",
                  urllib.parse.urlencode({"username": user, "password": user}).encode(),
                  "application/x-www-form-urlencoded")
        # the login starts a new session, whose XSRF token comes with the next page, as in the browser
        self.opener.open(base + "/camunda/app/tasklist/default/", timeout=60).read()

    def token(self):
        return next(c.value for c in self.jar if c.name == "XSRF-TOKEN")

    def post(self, path, data, content_type="application/json", accept="application/json"):
        req = urllib.request.Request(self.base + path, data=data, method="POST")
        req.add_header("Content-Type", content_type)
        req.add_header("Accept", accept)
        req.add_header("X-XSRF-TOKEN", self.token())
        with self.opener.open(req, timeout=120) as r:
            return r.read().decode()

    def open_filter(self, filter_id):
        """What Tasklist sends when a filter is opened (its tasksData: filter.getTasks, 15 per page): one HAL list,
        whose answer carries the count too (the engine's FilterResource counts for it); no separate count call."""
        body = json.dumps({"processVariables": [], "taskVariables": [], "caseInstanceVariables": [],
                           "sorting": [{"sortBy": "dueDate", "sortOrder": "asc"}], "active": True}).encode()
        api = "/camunda/api/engine/engine/default/filter/" + filter_id
        page = json.loads(self.post(api + "/list?firstResult=0&maxResults=15", body, accept="application/hal+json"))
        count = page["count"]
        return page, count


def get_text(url, user, method="GET", body=None, accept=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", "Basic " + __import__("base64").b64encode(f"{user}:{user}".encode()).decode())
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if accept:
        req.add_header("Accept", accept)
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.read().decode()


# ---------------------------------------------------------------- 1. grow
def grow(db):
    app = App(db, "templates")
    counts = scale_lifecycles.drive(lambda m, p, b, u: app.call(m, p, b, u), today, log)
    for _ in range(240):  # every mail sent, every due job done: the templates are at rest
        if app.gauge("disclosure_mails_waiting") == 0 and app.gauge("disclosure_jobs_due") == 0:
            break
        time.sleep(0.5)
    else:
        sys.exit("the templates' mails and jobs did not settle within 2 minutes")
    app.stop()
    concluded_copies = max(0, math.ceil((opt.requests - counts["concluded"]) / counts["concluded"]))
    open_copies = max(0, math.ceil((opt.open - counts["open"]) / counts["open"]))
    t0 = time.time()
    # 530 weeks: the oldest two months are past the ten-year time-to-live, for the history cleanup to remove
    setup, copies = scale_grow.grow(db.query, dialect, concluded_copies, open_copies, weeks=530,
                                    batch=2000 if opt.db == "mysql" else 100)
    if opt.db == "mysql":  # the tables side by side, one session per core
        db.script(setup, "setup")
        readd = drop_secondary_indexes(db, copies.keys())
        import concurrent.futures
        with concurrent.futures.ThreadPoolExecutor(max(2, os.cpu_count() or 2)) as pool:
            for f in [pool.submit(db.script, st, "copy-" + t) for t, st in sorted(  # the largest first
                    copies.items(), key=lambda kv: -int(db.query(f"SELECT COUNT(*) FROM {kv[0]}")[0][0]))]:
                f.result()
    else:
        db.script(setup + [s for st in copies.values() for s in st], "copy")
    years = {int(r[0]) for r in db.query("SELECT DISTINCT receipt_year FROM dd_request")}
    db.script(scale_grow.finish(dialect, has_table(db, "dd_request_gram"), years), "finish")
    if opt.db == "mysql":
        log("indexes back")
        db.script(readd, "indexes")
    n = int(db.query("SELECT COUNT(*) FROM dd_request")[0][0])
    log(f"grown to {n} requests in {time.time() - t0:.0f} s")
    return time.time() - t0


def drop_secondary_indexes(db, tables):
    """Bulk loading as a DBA would: the secondary indexes of the tables without foreign keys are dropped for the
    copy and built again afterwards, sorted, in one pass each. Returns the statements that build them again."""
    names = ", ".join(f"'{t}'" for t in tables)
    with_fk = {r[0] for r in db.query("SELECT DISTINCT table_name FROM information_schema.key_column_usage"
                                      " WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL")}
    indexes = {}
    for table, index, non_unique, column, sub_part in db.query(
            "SELECT table_name, index_name, non_unique, column_name, COALESCE(sub_part, '') FROM"
            f" information_schema.statistics WHERE table_schema = DATABASE() AND index_name <> 'PRIMARY'"
            f" AND table_name IN ({names}) ORDER BY table_name, index_name, seq_in_index"):
        if table in with_fk:
            continue
        key = indexes.setdefault(table, {}).setdefault(index, [non_unique == "0", []])
        key[1].append(f"`{column}`" + (f"({sub_part})" if sub_part and sub_part != "NULL" else ""))
    drop, readd = [], []
    for table, idx in indexes.items():
        drop.append(f"ALTER TABLE {table} " + ", ".join(f"DROP INDEX `{i}`" for i in idx))
        readd.append(f"ALTER TABLE {table} " + ", ".join(
            f"ADD {'UNIQUE ' if unique else ''}INDEX `{i}` ({', '.join(cols)})" for i, (unique, cols) in idx.items()))
        readd.append(("-- log", f"indexes of {table} built"))
    db.script(drop, "drop-indexes")
    log(f"secondary indexes dropped for the copy: {sum(len(i) for i in indexes.values())} on {len(indexes)} tables")
    return readd


def has_table(db, name):
    q = ("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '%s'"
         if opt.db == "mysql" else
         "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC' AND table_name = UPPER('%s')")
    return int(db.query(q % name)[0][0]) > 0


def sample_values(db):
    """What a clerk looks for: existing tracking numbers, names, ID numbers, ids; two words of a description."""
    order = "RAND()"
    rows = db.query(f"SELECT id, tracking_number, applicant_name, COALESCE(applicant_id_number, ''), receipt_year"
                    f" FROM dd_request ORDER BY {order} LIMIT 400")
    years = sorted({int(r[4]) for r in rows})
    rng = random.Random(7)
    words = [f"{rng.choice(scale_lifecycles.PLACES)} {rng.choice(scale_lifecycles.SUBJECTS)}" for _ in range(400)]
    return {"ids": [r[0] for r in rows], "tracking": [r[1] for r in rows], "names": [r[2] for r in rows],
            "idnumbers": [r[3] for r in rows if r[3]], "words": words, "years": years}


# ---------------------------------------------------------------- 2. measure
KINDS = ["search tracking number", "search applicant name", "search ID number", "search two words",
         "detail", "overdue", "tasklist", "statistics"]


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def ok(status_body, what):
    st, body = status_body
    if st != 200:
        raise SystemExit(f"{what}: HTTP {st} {str(body)[:300]}")
    return body


def latencies(app, s, rng, n, filter_id, tasklist):
    out = {k: [] for k in KINDS}
    q = lambda text: ok(app.call("GET", "/api/requests?q=" + urllib.parse.quote(text)), "search " + text)  # noqa
    for _ in range(n):
        out["search tracking number"].append(timed(lambda: q(rng.choice(s["tracking"]))))
        out["search applicant name"].append(timed(lambda: q(rng.choice(s["names"]))))
        out["search ID number"].append(timed(lambda: q(rng.choice(s["idnumbers"]))))
        out["search two words"].append(timed(lambda: q(rng.choice(s["words"]))))
        rid = rng.choice(s["ids"])
        out["detail"].append(timed(lambda: ok(app.call("GET", f"/api/requests/{rid}"), "detail")))
        out["overdue"].append(timed(lambda: ok(app.call("GET", "/api/requests?overdue=true"), "overdue")))

        out["tasklist"].append(timed(lambda: tasklist.open_filter(filter_id)))
        year = rng.choice(s["years"])
        out["statistics"].append(timed(lambda: ok(app.call("GET", f"/api/statistics/{year}", user="manager"),
                                                  "statistics")))
    return out


def throughput(app, seconds, warmup):
    table = os.path.join(work, f"lg-{app.label}.md")
    text = subprocess.run(["java", os.path.join(ROOT, "bench", "LoadGenerator.java"), f"--base={app.base}",
                           f"--clients={opt.clients}", f"--seconds={seconds}", "--rounds=1", f"--warmup={warmup}",
                           "--modes=register,lifecycle", f"--label={app.label}", f"--out={table}",
                           "--conclude-registered"],
                          capture_output=True, text=True).stdout
    rates = dict(re.findall(r"round 1 (\S+)\s+([0-9.]+) /s", text))
    if "register" not in rates or "lifecycle" not in rates:
        sys.exit(f"load generator: {text[-2000:]}")
    # what registration left open is concluded again, so the latencies see the K open requests asked for
    left = re.search(r"concluded (\d+) of (\d+)", text)
    if not left or left.group(1) != left.group(2):
        sys.exit(f"load generator left registrations open: {text[-2000:]}")
    return float(rates["register"]), float(rates["lifecycle"])


def p95(xs):
    xs = sorted(xs)
    return xs[max(0, math.ceil(0.95 * len(xs)) - 1)]


def group_filter(app):
    for f in json.loads(get_text(app.base + "/engine-rest/filter?resourceType=Task", "reviewer")):
        if "我组" in f["name"]:
            return f["id"]
    sys.exit("no group filter (我组的任务) found")


def cleanup_rate(db, app):
    """Finished instances removed per minute by Camunda's history cleanup, batch window open all day."""
    count = lambda: int(db.query("SELECT COUNT(*) FROM ACT_HI_PROCINST")[0][0]) if opt.db == "mysql" else None  # noqa
    if opt.db != "mysql":
        return None, None
    due = int(db.query("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE REMOVAL_TIME_ <= NOW()")[0][0])
    before = count()
    st, _ = app.call("POST", "/engine-rest/history/cleanup?immediatelyDue=true", {}, "admin")
    t0 = time.time()
    while time.time() - t0 < opt.cleanup_minutes * 60:
        time.sleep(10)
        if before - count() >= due:
            break
    removed = before - count()
    minutes = (time.time() - t0) / 60
    log(f"history cleanup: {removed} of {due} due instances removed in {minutes:.1f} min")
    return removed / minutes, due


def buffer_pool(gb=None):
    """The server's InnoDB buffer pool in bytes; with `gb`, first set to that."""
    if gb:
        sh(["mariadb", "-uroot", "-h127.0.0.1", "-e", f"SET GLOBAL innodb_buffer_pool_size = {int(gb * 2**30)}"])
        time.sleep(2)  # resized in the background
    return int(sh(["mariadb", "-uroot", "-h127.0.0.1", "-N", "-e", "SELECT @@innodb_buffer_pool_size"]).strip())


def main():
    if opt.db == "mysql" and opt.buffer_pool_gb:
        before = buffer_pool()
        log(f"innodb_buffer_pool_size {buffer_pool(opt.buffer_pool_gb) / 2**30:.1f} GiB for this run")
        try:
            run()
        finally:
            buffer_pool(before / 2**30)
    else:
        run()


def run():
    full_name = opt.reuse or opt.keep or f"dd_scale_{os.getpid()}"
    empty_name = f"dd_scale_empty_{os.getpid()}"
    full = Db(full_name, fresh=not opt.reuse)
    grow_s = None
    if not opt.reuse:
        grow_s = grow(full)
    if opt.grow_only:
        log(f"grown in {grow_s / 60:.1f} min and kept as {full_name}; measure it with --reuse {full_name}")
        return
    n_full = int(full.query("SELECT COUNT(*) FROM dd_request")[0][0])
    n_open = int(full.query("SELECT COUNT(*) FROM dd_request WHERE status <> 'CONCLUDED'")[0][0])
    s = sample_values(full)
    empty = Db(empty_name, fresh=True)
    cleanup_window = ["--camunda.bpm.generic-properties.properties.historyCleanupBatchWindowStartTime=00:00",
                      "--camunda.bpm.generic-properties.properties.historyCleanupBatchWindowEndTime=23:59"]
    apps = {}
    try:
        apps["full"] = App(full, "full")
        apps["empty"] = App(empty, "empty")
        filters = {k: group_filter(a) for k, a in apps.items()}
        tasklists = {k: TasklistSession(a.base, "reviewer") for k, a in apps.items()}
        page, count = tasklists["full"].open_filter(filters["full"])
        log(f"Tasklist, 我组的任务 as reviewer on the full database: {count} tasks, first page of"
            f" {len(page['_embedded']['task'])}")
        lat = {k: {kind: [] for kind in KINDS} for k in apps}
        rates = {k: {"register": [], "lifecycle": []} for k in apps}
        rng = random.Random(11)
        for r in range(opt.rounds):
            order = ["full", "empty"] if r % 2 == 0 else ["empty", "full"]
            for k in order:
                reg, lc = throughput(apps[k], opt.seconds, 5 if r == 0 else 0)
                rates[k]["register"].append(reg)
                rates[k]["lifecycle"].append(lc)
                log(f"round {r + 1} {k}: registration {reg:.1f}/s, lifecycle {lc:.1f}/s")
                se = s if k == "full" else dict(s, ids=[i["id"] for i in apps[k].call(
                    "GET", "/api/requests?size=200")[1]["items"]])
                got = latencies(apps[k], se, rng, opt.samples, filters[k], tasklists[k])
                for kind, xs in got.items():
                    lat[k][kind] += xs
                log(f"round {r + 1} {k}: p95 ms " + ", ".join(f"{kind} {p95(xs):.0f}" for kind, xs in got.items())
                    + f"; Tasklist showed {tasklists[k].open_filter(filters[k])[1]} tasks")
        apps["empty"].stop()
        apps["full"].stop()
        apps.clear()
        cleanup, due = None, None
        if opt.db == "mysql" and opt.cleanup_minutes > 0:
            apps["full"] = App(full, "cleanup", cleanup_window)
            cleanup, due = cleanup_rate(full, apps["full"])
    finally:
        for a in apps.values():
            a.stop()
        empty.drop()
        if not (opt.keep or opt.reuse):
            full.drop()
    med = lambda k, m: statistics.median(rates[k][m])  # noqa: E731
    ratio_reg, ratio_lc = med("full", "register") / med("empty", "register"), med("full", "lifecycle") / med(
        "empty", "lifecycle")
    search = lambda k: lat[k]["search tracking number"] + lat[k]["search applicant name"] + lat[k][  # noqa: E731
        "search ID number"] + lat[k]["search two words"]
    report(n_full, n_open, grow_s, med, ratio_reg, ratio_lc, lat, search, cleanup, due)
    line = (f"scale N={opt.requests}: full/empty registration {ratio_reg:.2f} lifecycle {ratio_lc:.2f}; p95 ms search "
            f"{p95(search('full')):.0f} detail {p95(lat['full']['detail']):.0f} overdue "
            f"{p95(lat['full']['overdue']):.0f} tasklist {p95(lat['full']['tasklist']):.0f} statistics "
            f"{p95(lat['full']['statistics']):.0f}")
    print(line)


def report(n_full, n_open, grow_s, med, ratio_reg, ratio_lc, lat, search, cleanup, due):
    targets = {"search": 300, "detail": 100, "overdue": 200, "tasklist": 300, "statistics": 1000}
    lines = [f"# Ten years of requests — {opt.db}, N = {opt.requests:,}", "",
             f"`python3 bench/scale_test.py --db {opt.db} --requests {opt.requests} --open {opt.open}` "
             f"({datetime.now().strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, {opt.rounds} interleaved rounds,"
             f" {opt.clients} clients × {opt.seconds} s per mode, {opt.samples} samples per kind and round).", "",
             f"Grown database: {n_full:,} requests, {n_open:,} open" + (
                 f", grown in {grow_s / 60:.1f} min" if grow_s else "") + ".", "",
             "| throughput (median of rounds) | empty | ten years | ten years / empty | target |",
             "|---|---:|---:|---:|---|",
             f"| registrations/s | {med('empty', 'register'):.1f} | {med('full', 'register'):.1f} | **{ratio_reg:.2f}** |"
             f" ≥ 0.9 {'✔' if ratio_reg >= 0.9 else '✘'} |",
             f"| full lifecycles/s | {med('empty', 'lifecycle'):.1f} | {med('full', 'lifecycle'):.1f} | **{ratio_lc:.2f}** |"
             f" ≥ 0.9 {'✔' if ratio_lc >= 0.9 else '✘'} |", "",
             "| p95 latency, ms | empty | ten years | target |", "|---|---:|---:|---|"]
    for kind in KINDS:
        lines.append(f"| {kind} | {p95(lat['empty'][kind]):.0f} | {p95(lat['full'][kind]):.0f} | |")
    for name, xs_full, xs_empty in [("**search (all four)**", search("full"), search("empty"))] + [
            (f"**{k}**", lat["full"][k], lat["empty"][k]) for k in ("detail", "overdue", "tasklist", "statistics")]:
        key = name.strip("*").split(" ")[0]
        v = p95(xs_full)
        lines.append(f"| {name} | {p95(xs_empty):.0f} | **{v:.0f}** | ≤ {targets[key]} {'✔' if v <= targets[key] else '✘'} |")
    if cleanup is not None:
        per_night = cleanup * 240
        lines += ["", f"History cleanup (time-to-live P3650D), batch window opened for the measurement: "
                      f"**{cleanup:,.0f} finished process instances removed per minute** ({due:,} were due); "
                      f"the nightly window 01:00–05:00 (240 min) so removes about {per_night:,.0f} instances a night."]
    os.makedirs(os.path.dirname(out_file), exist_ok=True)
    with open(out_file, "w") as f:
        f.write("\n".join(lines) + "\n")
    log(f"wrote {out_file}")


if __name__ == "__main__":
    main()
