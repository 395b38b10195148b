#!/usr/bin/env python3
"""Ten years of requests: does the cost stay flat as the data grows?

    ./mvnw -B -q -DskipTests package
    python3 bench/scale_test.py --db mysql|h2 --requests N [--open K] [--keep SCHEMA] [--reuse SCHEMA] [--agencies K]

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

A city at scale: `--agencies K` spreads the N requests over K agencies sized as real ones are (Zipf-like, `--zipf S`:
the agency of rank r gets a share ∝ 1/r^S, a few large bureaus and many small offices). The agencies, one clerk each
and a reviewer of all are created through the API (POST /api/agencies, engine REST users, members); the grown rows
carry their agency in SQL (dd_request.agency_code, Camunda's TENANT_ID_ of the request's instances, the numbers
<CODE>-<year>-<seq>, dd_agency_counter, the statistics tallies). Measured instead of the one-agency kinds, next to the
empty one-agency database: an agency clerk's Tasklist group filter and ledger search (clerks of the largest, a middle
and the smallest agency in turn), a supervisor's consolidated table of all agencies and overview per agency, and
registrations/s by all the agencies' clerks in turn (K agencies) against the demo clerk's (one agency). Writes
bench-results/scale-agencies-<db>-<n>.md; the last line printed is
`scale N=<N> agencies=<K>: registration <K>/1 <x>; p95 ms tasklist <a> search <b> consolidated <c> overview <d>`.

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
ap.add_argument("--warmup", type=int, default=5, help="seconds per throughput mode before the first round (longer"
                " fills a cold InnoDB buffer pool first: the script resizes it, which empties it)")
ap.add_argument("--samples", type=int, default=40, help="per latency kind, app and round")
ap.add_argument("--cleanup-minutes", type=float, default=3)
ap.add_argument("--buffer-pool-gb", type=float, default=8,
                help="MySQL/MariaDB: innodb_buffer_pool_size for the run, as a production server would have it"
                     " (restored afterwards); 0 leaves it as it is")
ap.add_argument("--agencies", type=int, default=0, help="spread the requests over K agencies (see above)")
ap.add_argument("--zipf", type=float, default=1.0, help="with --agencies: share of the agency of rank r ∝ 1/r^S")
ap.add_argument("--grow-only", action="store_true", help="grow and keep the database (with --keep), measure nothing")
ap.add_argument("--out")
opt = ap.parse_args()
size_name = (f"{opt.requests // 1_000_000}m" if opt.requests % 1_000_000 == 0 else
             f"{opt.requests // 1000}k" if opt.requests % 1000 == 0 else str(opt.requests))
out_file = opt.out or os.path.join(ROOT, "bench-results", f"scale-agencies-{opt.db}-{size_name}.md" if opt.agencies
                                   else f"scale-{opt.db}.md")
jar = next(j for j in sorted(glob.glob(os.path.join(ROOT, "target", "disclosure-desk-*.jar"))) if "original" not in j)
h2_jar = sorted(glob.glob(os.path.expanduser("~/.m2/repository/com/h2database/h2/*/h2-*.jar")))[-1]
today = datetime.now(timezone(timedelta(hours=8))).date()  # the business date, Asia/Shanghai
work = tempfile.mkdtemp(prefix="dd-scale.")
sink = benchlib.Sink()
dialect = scale_grow.Dialect(opt.db)
started = time.time()


# users of the agencies' run (scale_test creates them): Camunda's password policy wants a strong password; the demo
# users' password is their name
PASSWORD = "Bench#2026!kQz"
passwords = {}


def password(user):
    return passwords.get(user, user)


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
        return benchlib.call(self.base, method, path, body, user, password(user))

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
    """Tasklist as the browser uses it: the desk's sign-in page (one session for all staff pages, security.SignOn),
    Tasklist's page (its XSRF cookie), then the webapp's own engine API under /camunda/api/engine with the session
    cookie and the X-XSRF-TOKEN header."""
    def __init__(self, base, user):
        import http.cookiejar
        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(base + "/login", timeout=60).read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"username": user, "password": password(user), "_csrf": csrf}).encode()
        with self.opener.open(urllib.request.Request(base + "/login", data=form, method="POST"), timeout=60) as r:
            if "/login" in urllib.parse.urlparse(r.geturl()).path:
                sys.exit(f"Tasklist: {user} could not sign in")
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
    req.add_header("Authorization", "Basic " + __import__("base64").b64encode(
        f"{user}:{password(user)}".encode()).decode())
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if accept:
        req.add_header("Accept", accept)
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.read().decode()


# ---------------------------------------------------------------- agencies
# a city's agencies, roughly largest first: the default agency (the city government's office) is rank 1
CITY = [("RSJ", "人力资源和社会保障局", "人社局"), ("ZJJ", "住房和城乡建设局", "住建局"),
        ("GHZY", "规划和自然资源局", "规划自然资源局"), ("GAJ", "公安局", "公安局"), ("JYJ", "教育局", "教育局"),
        ("WJW", "卫生健康委员会", "卫健委"), ("SCJG", "市场监督管理局", "市场监管局"), ("STHJ", "生态环境局", "生态环境局"),
        ("CYQ", "朝阳区人民政府", "朝阳区政府"), ("HDQ", "海淀区人民政府", "海淀区政府"), ("CZJ", "财政局", "财政局"),
        ("FGW", "发展和改革委员会", "发改委"), ("JTJ", "交通运输局", "交通局"), ("MZJ", "民政局", "民政局"),
        ("FTQ", "丰台区人民政府", "丰台区政府"), ("CGJ", "城市管理局", "城管局"), ("SWJ", "水务局", "水务局"),
        ("NYJ", "农业农村局", "农业农村局"), ("YBJ", "医疗保障局", "医保局"), ("SFJ", "司法局", "司法局"),
        ("WLJ", "文化和旅游局", "文旅局"), ("YJJ", "应急管理局", "应急局"), ("TJJ", "统计局", "统计局"),
        ("SJJ", "审计局", "审计局"), ("GJJ", "住房公积金管理中心", "公积金中心"), ("SWXJ", "商务局", "商务局"),
        ("KJJ", "科学技术局", "科技局"), ("JXJ", "经济和信息化局", "经信局"), ("GZW", "国有资产监督管理委员会", "国资委"),
        ("LYJ", "园林绿化局", "园林局"), ("TRJ", "退役军人事务局", "退役军人局"), ("TYJ", "体育局", "体育局"),
        ("ZWFW", "政务服务管理局", "政务服务局"), ("XFJ", "信访局", "信访局"), ("MZZJ", "民族宗教事务委员会", "民宗委"),
        ("RFB", "人民防空办公室", "人防办"), ("DAJ", "档案局", "档案局"), ("QXJ", "气象局", "气象局"),
        ("DZJ", "地震局", "地震局"), ("YCJ", "烟草专卖局", "烟草局")]


def catalogue(k, default_code):
    """[{code, name, …, weight}] of the K agencies, rank 1 the default one (it keeps its name)."""
    out = [{"code": default_code, "rank": 1}]
    for r in range(2, k + 1):
        code, name, short = CITY[r - 2] if r - 2 < len(CITY) else (f"JG{r:03d}", f"第{r}机关", f"第{r}机关")
        kind = "GOVERNMENT" if name.endswith("人民政府") else "OTHER" if name.endswith("中心") else "DEPARTMENT"
        out.append({"code": code, "rank": r, "body": {
            "code": code, "name": "示例市" + name, "shortName": "市" + short if kind != "GOVERNMENT" else short,
            "kind": kind, "address": f"示例市人民路{r}号", "phone": f"010-6{r:07d}", "email": f"gk{r}@example.test",
            "reconsiderationBody": "示例市人民政府",
            "court": "示例市第一中级人民法院" if kind == "GOVERNMENT" else "示例市东城区人民法院"}})
    for a in out:
        a["weight"] = 1 / a["rank"] ** opt.zipf
        a["clerk"] = "clerk" + a["code"].lower()
    return out


def default_agency(app):
    st, items = app.call("GET", "/api/agencies", user="admin")
    if st != 200 or not items:
        sys.exit(f"GET /api/agencies: HTTP {st} {items}")
    return items[0]["code"] if len(items) == 1 else next(a["code"] for a in items if a["code"] == "AGENCY")


def set_up_agencies(app, agencies):
    """The agencies, one clerk each and a reviewer of all (who concludes what the load generator registered),
    through the API, as an administrator would; idempotent (a database grown earlier has them)."""
    def must(st_body, want, what):
        st, body = st_body
        if st not in want:
            sys.exit(f"{what}: HTTP {st} {body}")
    existing = {a["code"] for a in app.call("GET", "/api/agencies", user="admin")[1]}
    for a in agencies:
        if a["code"] not in existing:
            must(app.call("POST", "/api/agencies", a["body"], "admin"), (201,), f"agency {a['code']}")

    def user(uid, group, last):
        passwords[uid] = PASSWORD
        st, body = app.call("GET", f"/engine-rest/user/{uid}/profile", user="admin")
        if st == 404:
            must(app.call("POST", "/engine-rest/user/create", {
                "profile": {"id": uid, "firstName": "压测", "lastName": last, "email": f"{uid}@example.test"},
                "credentials": {"password": PASSWORD}}, "admin"), (204,), f"user {uid}")
        st, members = app.call("GET", f"/engine-rest/user?memberOfGroup={group}&id={uid}", user="admin")
        if st != 200 or not members:
            must(app.call("PUT", f"/engine-rest/group/{group}/members/{uid}", None, "admin"), (204,), f"group of {uid}")
    for a in agencies:
        user(a["clerk"], "clerk", "登记员")
        must(app.call("PUT", f"/api/agencies/{a['code']}/members/{a['clerk']}", None, "admin"), (204,),
             f"member {a['clerk']}")
    user("benchreviewer", "reviewer", "审核员")
    for a in agencies:
        must(app.call("PUT", f"/api/agencies/{a['code']}/members/benchreviewer", None, "admin"), (204,),
             "member benchreviewer")
    log(f"{len(agencies)} agencies with a clerk each and a reviewer of all")


# ---------------------------------------------------------------- 1. grow
def grow(db):
    app = App(db, "templates")
    try:  # a failure here must not leave the app running (its pool would create the dropped schema again)
        counts = scale_lifecycles.drive(lambda m, p, b, u: app.call(m, p, b, u), today, log)
        for _ in range(240):  # every mail sent, every due job done: the templates are at rest
            if app.gauge("disclosure_mails_waiting") == 0 and app.gauge("disclosure_jobs_due") == 0:
                break
            time.sleep(0.5)
        else:
            sys.exit("the templates' mails and jobs did not settle within 2 minutes")
        plan = default = None
        if opt.agencies:
            # after the templates: they were registered on a platform of one agency, as every platform starts
            default = default_agency(app)
            agencies = catalogue(opt.agencies, default)
            set_up_agencies(app, agencies)
            plan = scale_grow.buckets([(a["code"], a["weight"]) for a in agencies])
    finally:
        app.stop()
    concluded_copies = max(0, math.ceil((opt.requests - counts["concluded"]) / counts["concluded"]))
    open_copies = max(0, math.ceil((opt.open - counts["open"]) / counts["open"]))
    t0 = time.time()
    # 530 weeks: the oldest two months are past the ten-year time-to-live, for the history cleanup to remove
    setup, copies = scale_grow.grow(db.query, dialect, concluded_copies, open_copies, weeks=530,
                                    batch=2000 if opt.db == "mysql" else 100, agencies=plan,
                                    default_agency=default)
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
    db.script(scale_grow.finish(dialect, has_table(db, "dd_request_gram"), years, several=opt.agencies > 1,
                                tally_per_agency=has_column(db, "dd_stat_tally", "agency_code")), "finish")
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


def has_column(db, table, column):
    q = ("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '%s'"
         " AND column_name = '%s'" if opt.db == "mysql" else
         "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'PUBLIC' AND table_name = UPPER('%s')"
         " AND column_name = UPPER('%s')")
    return int(db.query(q % (table, column))[0][0]) > 0


def sample_values(db, agency=None):
    """What a clerk looks for: existing tracking numbers, names, ID numbers, ids; two words of a description.
    With `agency`, of that agency's requests."""
    order = "RAND()"
    where = f" WHERE agency_code = '{agency}'" if agency else ""
    rows = db.query(f"SELECT id, tracking_number, applicant_name, COALESCE(applicant_id_number, ''), receipt_year"
                    f" FROM dd_request{where} ORDER BY {order} LIMIT 400")
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


def throughput(app, seconds, warmup, clerks=None, reviewer=None):
    """(registrations/s, lifecycles/s); `clerks` register in turn and `reviewer` decides (default: the demo users)."""
    table = os.path.join(work, f"lg-{app.label}.md")
    users = ([f"--clerks={','.join(clerks)}"] if clerks else []) + ([f"--reviewer={reviewer}"] if reviewer else [])
    props = [f"-Dbench.password.{u}={password(u)}" for u in (clerks or []) + ([reviewer] if reviewer else [])
             if password(u) != u]
    text = subprocess.run(["java"] + props + [os.path.join(ROOT, "bench", "LoadGenerator.java"), f"--base={app.base}",
                           f"--clients={opt.clients}", f"--seconds={seconds}", "--rounds=1", f"--warmup={warmup}",
                           "--modes=register,lifecycle", f"--label={app.label}", f"--out={table}",
                           "--conclude-registered"] + users,
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
        try:
            grow_s = grow(full)
        except BaseException:
            if not opt.keep:
                full.drop()
            raise
    if opt.grow_only:
        log(f"grown in {grow_s / 60:.1f} min and kept as {full_name}; measure it with --reuse {full_name}")
        return
    n_full = int(full.query("SELECT COUNT(*) FROM dd_request")[0][0])
    n_open = int(full.query("SELECT COUNT(*) FROM dd_request WHERE status <> 'CONCLUDED'")[0][0])
    s = sample_values(full)
    city = city_facts(full) if opt.agencies else None  # H2: no query while the app holds the file
    empty = Db(empty_name, fresh=True)
    cleanup_window = ["--camunda.bpm.generic-properties.properties.historyCleanupBatchWindowStartTime=00:00",
                      "--camunda.bpm.generic-properties.properties.historyCleanupBatchWindowEndTime=23:59"]
    apps = {}
    try:
        apps["full"] = App(full, "full")
        apps["empty"] = App(empty, "empty")
        if opt.agencies:
            measure_agencies(city, apps, n_full, n_open, grow_s)
            return
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
                reg, lc = throughput(apps[k], opt.seconds, opt.warmup if r == 0 else 0)
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


# ---------------------------------------------------------------- 2'. measure a city of agencies
AKINDS = ["search tracking number", "search applicant name", "search ID number", "search two words", "tasklist",
          "consolidated", "overview"]
SEARCH = AKINDS[:4]


def city_facts(full):
    """What the measurement needs of the grown database before the app runs on it: the agencies (rank 1 the first
    one, the default), requests and open ones per agency, open tasks per tenant, search values of the measured
    agencies (the largest, a middle one and the smallest)."""
    present = [r[0] for r in full.query("SELECT code FROM dd_agency ORDER BY created_at, code")]
    agencies = catalogue(opt.agencies, present[0])
    missing = {a["code"] for a in agencies} - set(present)
    if missing:
        sys.exit(f"the database was grown without --agencies {opt.agencies} (missing {sorted(missing)[:5]}…)")
    ranks = sorted({1, (len(agencies) + 1) // 2, len(agencies)})
    picks = [agencies[r - 1] for r in ranks]
    return {"agencies": agencies, "picks": picks,
            "counts": dict(full.query("SELECT agency_code, COUNT(*) FROM dd_request GROUP BY agency_code")),
            "open": dict(full.query("SELECT agency_code, COUNT(*) FROM dd_request WHERE status <> 'CONCLUDED'"
                                    " GROUP BY agency_code")),
            "tenants": dict(full.query("SELECT COALESCE(TENANT_ID_, '-'), COUNT(*) FROM ACT_RU_TASK"
                                       " GROUP BY TENANT_ID_")),
            "samples": {a["code"]: sample_values(full, a["code"]) for a in picks}}


def measure_agencies(city, apps, n_full, n_open, grow_s):
    """K agencies (full) next to one (empty): an agency clerk's Tasklist group filter and ledger search (the clerks of
    the largest, a middle and the smallest agency in turn; on the empty database the demo clerk), a supervisor's
    consolidated table and overview, and registrations/s by every agency's clerk in turn against the demo clerk's."""
    agencies, picks, samples = city["agencies"], city["picks"], city["samples"]
    counts, open_counts, tenants = city["counts"], city["open"], city["tenants"]
    set_up_agencies(apps["full"], agencies)
    years = sorted({y for v in samples.values() for y in v["years"]})
    filters = {k: group_filter(a) for k, a in apps.items()}
    sessions = {"full": {a["code"]: TasklistSession(apps["full"].base, a["clerk"]) for a in picks}}
    demo = TasklistSession(apps["empty"].base, "clerk")
    sessions["empty"] = {a["code"]: demo for a in picks}
    clerk_of = {"full": {a["code"]: a["clerk"] for a in picks}, "empty": {a["code"]: "clerk" for a in picks}}
    shown = {a["code"]: sessions["full"][a["code"]].open_filter(filters["full"])[1] for a in picks}
    for a in picks:
        log(f"agency {a['code']} (rank {a['rank']}): {int(counts.get(a['code'], 0)):,} requests,"
            f" {int(open_counts.get(a['code'], 0)):,} open; its clerk's 我组的任务 shows {shown[a['code']]} tasks")
    year = max(years)
    available = {}
    for kind, path in (("consolidated", "/api/statistics/{y}/consolidated"), ("overview", "/api/statistics/{y}/agencies")):
        st, body = apps["full"].call("GET", path.format(y=year), user="supervisor")
        available[kind] = st == 200
        if st != 200:
            log(f"{kind}: GET {path.format(y=year)} answered HTTP {st}: not measured")
    lat = {k: {kind: [] for kind in AKINDS} for k in apps}
    by_agency = {k: {(kind, a["code"]): [] for kind in AKINDS for a in picks} for k in apps}
    rates = {k: {"register": [], "lifecycle": []} for k in apps}
    rng = random.Random(11)
    for r in range(opt.rounds):
        for k in (["full", "empty"] if r % 2 == 0 else ["empty", "full"]):
            app = apps[k]
            reg, lc = throughput(app, opt.seconds, opt.warmup if r == 0 else 0,
                                 [a["clerk"] for a in agencies] if k == "full" else None,
                                 "benchreviewer" if k == "full" else None)
            rates[k]["register"].append(reg)
            rates[k]["lifecycle"].append(lc)
            log(f"round {r + 1} {k}: registration {reg:.1f}/s, lifecycle {lc:.1f}/s")
            got = {kind: [] for kind in AKINDS}
            for i in range(opt.samples * len(picks)):
                a = picks[i % len(picks)]
                code, sv, clerk = a["code"], samples[a["code"]], clerk_of[k][a["code"]]
                q = lambda text: ok(app.call("GET", "/api/requests?q=" + urllib.parse.quote(text), user=clerk),  # noqa
                                    "search " + text)
                ms = {"search tracking number": timed(lambda: q(rng.choice(sv["tracking"]))),
                      "search applicant name": timed(lambda: q(rng.choice(sv["names"]))),
                      "search ID number": timed(lambda: q(rng.choice(sv["idnumbers"]))),
                      "search two words": timed(lambda: q(rng.choice(sv["words"]))),
                      "tasklist": timed(lambda: sessions[k][code].open_filter(filters[k]))}
                y = rng.choice(years)
                if available["consolidated"]:
                    ms["consolidated"] = timed(lambda: ok(app.call(
                        "GET", f"/api/statistics/{y}/consolidated", user="supervisor"), "consolidated"))
                if available["overview"]:
                    ms["overview"] = timed(lambda: ok(app.call(
                        "GET", f"/api/statistics/{y}/agencies", user="supervisor"), "overview"))
                for kind, v in ms.items():
                    got[kind].append(v)
                    by_agency[k][(kind, code)].append(v)
            for kind, xs in got.items():
                lat[k][kind] += xs
            log(f"round {r + 1} {k}: p95 ms " + ", ".join(f"{kind} {p95(xs):.0f}" for kind, xs in got.items() if xs))
    med = lambda k, m: statistics.median(rates[k][m])  # noqa: E731
    ratio = med("full", "register") / med("empty", "register")
    search = lambda k: [x for kind in SEARCH for x in lat[k][kind]]  # noqa: E731
    fig = lambda k, kind: f"{p95(lat[k][kind]):.0f}" if lat[k][kind] else "n/a"  # noqa: E731
    report_agencies(agencies, counts, open_counts, tenants, picks, shown, n_full, n_open, grow_s, rates, med, ratio,
                    lat, by_agency, search, fig, available)
    print(f"scale N={opt.requests} agencies={opt.agencies}: registration {opt.agencies}/1 {ratio:.2f}; p95 ms tasklist "
          f"{fig('full', 'tasklist')} search {p95(search('full')):.0f} consolidated {fig('full', 'consolidated')}"
          f" overview {fig('full', 'overview')}")


def report_agencies(agencies, counts, open_counts, tenants, picks, shown, n_full, n_open, grow_s, rates, med, ratio,
                    lat, by_agency, search, fig, available):
    k_ = opt.agencies
    sizes = sorted((int(counts.get(a["code"], 0)) for a in agencies), reverse=True)
    mark = lambda v, t: "✔" if v <= t else "✘"  # noqa: E731
    lines = [f"# A city at scale — {opt.db}, N = {opt.requests:,}, {k_} agencies", "",
             f"`python3 bench/scale_test.py --db {opt.db} --requests {opt.requests} --open {opt.open} --agencies {k_}"
             + (f" --zipf {opt.zipf}" if opt.zipf != 1.0 else "") + (f" --reuse {opt.reuse}" if opt.reuse else "")
             + f" --rounds {opt.rounds} --samples {opt.samples}" + (f" --warmup {opt.warmup}" if opt.warmup != 5 else "")
             + f"` ({datetime.now().strftime('%Y-%m-%d %H:%M')},"
             f" {os.cpu_count()} cores, {opt.rounds} interleaved rounds, {opt.clients} clients × {opt.seconds} s per"
             f" mode, {opt.samples} samples per kind, agency and round).", "",
             f"Grown database: {n_full:,} requests, {n_open:,} open" + (
                 f", grown in {grow_s / 60:.1f} min" if grow_s else "") + f", over {k_} agencies sized 1/rank"
             + (f"^{opt.zipf}" if opt.zipf != 1.0 else "") + f": largest {sizes[0]:,}, then {sizes[1]:,}, {sizes[2]:,}"
             f" …, median {sizes[len(sizes) // 2]:,}, smallest {sizes[-1]:,}. Open tasks by tenant (agency): "
             + ", ".join(f"{t} {int(n):,}" for t, n in sorted(tenants.items(), key=lambda kv: -int(kv[1]))[:5])
             + (" …" if len(tenants) > 5 else "") + ".", "",
             "Measured as the clerks of " + ", ".join(
                 f"{a['code']} (rank {a['rank']}, {int(counts.get(a['code'], 0)):,} requests,"
                 f" {int(open_counts.get(a['code'], 0)):,} open, {shown[a['code']]} tasks in 我组的任务)" for a in picks)
             + " in turn; on the empty one-agency database the demo clerk. The consolidated table and the overview"
             " as the demo supervisor.", "",
             "| throughput (median of rounds) | one agency, empty | K agencies, grown | K / 1 | target |",
             "|---|---:|---:|---:|---|",
             f"| registrations/s (K: every agency's clerk in turn) | {med('empty', 'register'):.1f} |"
             f" {med('full', 'register'):.1f} | **{ratio:.2f}** | ≥ 0.9 {'✔' if ratio >= 0.9 else '✘'} |",
             f"| full lifecycles/s | {med('empty', 'lifecycle'):.1f} | {med('full', 'lifecycle'):.1f} |"
             f" {med('full', 'lifecycle') / med('empty', 'lifecycle'):.2f} | |", "",
             "Rounds, registrations/s: K agencies " + " / ".join(f"{x:.1f}" for x in rates["full"]["register"])
             + "; one agency " + " / ".join(f"{x:.1f}" for x in rates["empty"]["register"]) + ". K / 1 compares the"
             " grown database of K agencies with the same run's empty database of one, so it carries the cost of"
             " the grown data too; one agency's registrations wait for each other on its year's counter row"
             " (dd_agency_counter), K agencies' mostly do not.", "",
             "| p95 latency, ms | one agency, empty | K agencies, grown | " + " | ".join(
                 f"{a['code']} (rank {a['rank']})" for a in picks) + " | target |",
             "|---|---:|---:|" + "---:|" * len(picks) + "---|"]
    for kind in AKINDS:
        if not lat["full"][kind]:
            continue
        lines.append(f"| {kind} | {fig('empty', kind)} | {fig('full', kind)} | " + " | ".join(
            f"{p95(by_agency['full'][(kind, a['code'])]):.0f}" for a in picks) + " | |")
    targets = [("search (all four)", search("empty"), search("full"), lambda a: [
        x for kind in SEARCH for x in by_agency["full"][(kind, a["code"])]], 300)] + [
        (kind, lat["empty"][kind], lat["full"][kind], lambda a, kind=kind: by_agency["full"][(kind, a["code"])], t)
        for kind, t in (("tasklist", 300), ("consolidated", 1000), ("overview", 1000))]
    for name, xe, xf, per, t in targets:
        if not xf:
            lines.append(f"| **{name}** | | not measured (the endpoint answered no 200) |" + " |" * len(picks)
                         + f" ≤ {t:,} |")
            continue
        lines.append(f"| **{name}** | {p95(xe):.0f} | **{p95(xf):.0f}** | " + " | ".join(
            f"{p95(per(a)):.0f}" for a in picks) + f" | ≤ {t:,} {mark(p95(xf), t)} |")
    os.makedirs(os.path.dirname(out_file), exist_ok=True)
    with open(out_file, "w") as f:
        f.write("\n".join(lines) + "\n")
    log(f"wrote {out_file}")


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
