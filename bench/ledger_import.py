#!/usr/bin/env python3
"""Ledger import benchmark (#15): how long a 1,000-row ledger takes to import, next to back-filling the same kind of
rows one by one through the JSON API (what a clerk's script would do without the import).

    ./mvnw -B -q -DskipTests package && python3 bench/ledger_import.py --db mysql [--rows 1000] [--rounds 3]

Starts the built jar on a fresh database (MariaDB at 127.0.0.1:3306, root, no password, a schema of its own that is
dropped afterwards; or an H2 file in a temporary directory), then per round: a dry run and an import of a new
ledger of --rows rows (2024-2025: disclosures, sign-offs, supplements, extensions, open requests), and --api-rows
rows of the same mix through POST /api/requests and the step endpoints. Prints medians; the last line is
`ledger import N=<rows>: dry run <s> s, import <s> s (<ms>/row), API back-fill <ms>/row, ratio <x>`.
"""
import argparse, atexit, base64, csv, datetime, glob, io, json, os, random, shutil, signal, statistics, subprocess
import sys, tempfile, time, urllib.request, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--db", choices=["mysql", "h2"], default="mysql")
ap.add_argument("--rows", type=int, default=1000)
ap.add_argument("--api-rows", type=int, default=100)
ap.add_argument("--rounds", type=int, default=3)
opt = ap.parse_args()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADERS = ["原编号", "申请渠道", "到达日期", "确认日期", "申请人类型", "申请人姓名或名称", "证件类型", "证件号码", "统一社会信用代码",
           "电子邮箱", "联系电话", "通信地址", "申请内容", "信息类别", "补正告知日期", "补正期限", "补正收到日期", "延期工作日",
           "延期批准日期", "处理结果", "已主动公开", "第三方权益", "不掌握原因", "答复日期", "说明"]
jar = next(j for j in sorted(glob.glob(os.path.join(ROOT, "target", "disclosure-desk-*.jar"))) if "original" not in j)
work = tempfile.mkdtemp(prefix="dd-ledger-bench.")
schema = f"dd_ledger_bench_{os.getpid()}"


def cleanup():
    if opt.db == "mysql":
        subprocess.run(["mariadb", "-h127.0.0.1", "-uroot", "-e", f"DROP DATABASE IF EXISTS {schema}"])
    shutil.rmtree(work, ignore_errors=True)


atexit.register(cleanup)


def start():
    port = benchlib.free_port()
    args = ["java", "-Xmx1g", "-jar", jar, f"--server.port={port}", "--server.address=127.0.0.1",
            f"--disclosure.data-dir={work}/data", "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
            "--camunda.bpm.job-execution.enabled=false"]
    if opt.db == "mysql":
        args += ["--spring.profiles.active=mysql",
                 f"--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/{schema}?createDatabaseIfNotExist=true"
                 "&sendFractionalSeconds=false&characterEncoding=UTF-8",
                 "--spring.datasource.username=root", "--spring.datasource.password=",
                 "--camunda.bpm.admin-user.password=admin", "--disclosure.demo-users=true"]
    proc = subprocess.Popen(args, cwd=work, stdout=open(os.path.join(work, "app.log"), "a"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    atexit.register(lambda: os.killpg(proc.pid, signal.SIGKILL) if proc.poll() is None else None)
    base = f"http://127.0.0.1:{port}"
    t0 = time.time()
    while time.time() - t0 < 240:
        if proc.poll() is not None:
            sys.exit(f"the app exited during start-up, see {work}/app.log")
        try:
            urllib.request.urlopen(base + "/actuator/health", timeout=2)
            print(f"app up on {base} ({opt.db}) in {time.time() - t0:.1f} s", flush=True)
            return base
        except Exception:
            time.sleep(0.3)
    sys.exit("no answer within 240 s")


def weekday(rng):
    d = datetime.date(2024, 1, 8) + datetime.timedelta(days=rng.randrange(0, 700))
    return d - datetime.timedelta(days=max(0, d.weekday() - 4))


def ledger_rows(prefix, n, rng):
    """The mix of a real ledger; dates chosen inside every period the steps check."""
    rows = []
    for i in range(n):
        k, d = i % 10, weekday(rng)
        r = dict.fromkeys(HEADERS, "")
        r.update({"原编号": f"{prefix}-{i:05d}", "申请渠道": rng.choice(["当面提交", "互联网渠道", "邮寄（需签收）"]),
                  "到达日期": d.isoformat(), "申请人类型": "自然人", "申请人姓名或名称": f"申请人{i}",
                  "申请内容": f"申请公开{rng.choice(['征地补偿', '社保基金', '行政处罚', '规划许可'])}相关文件 {uuid.uuid4().hex[:8]}",
                  "信息类别": rng.choice(["征地拆迁", "社保信息", "执法信息"])})
        if k <= 4:
            r.update({"处理结果": "予以公开", "已主动公开": rng.choice(["是", "否"]),
                      "答复日期": (d + datetime.timedelta(days=10)).isoformat()})
        elif k == 5:
            r.update({"申请人类型": "商业企业", "处理结果": "部分公开", "答复日期": (d + datetime.timedelta(days=12)).isoformat()})
        elif k == 6:
            notice, got = d + datetime.timedelta(days=2), d + datetime.timedelta(days=7)
            r.update({"补正告知日期": notice.isoformat(), "补正期限": (notice + datetime.timedelta(days=14)).isoformat(),
                      "补正收到日期": got.isoformat(), "处理结果": "本机关不掌握相关政府信息", "不掌握原因": "信息不存在",
                      "答复日期": (got + datetime.timedelta(days=7)).isoformat()})
        elif k == 7:
            r.update({"延期工作日": "15", "延期批准日期": (d + datetime.timedelta(days=10)).isoformat(), "处理结果": "其他",
                      "说明": "申请人撤回", "答复日期": (d + datetime.timedelta(days=35)).isoformat()})
        elif k == 8:
            r.update({"处理结果": "重复申请", "答复日期": (d + datetime.timedelta(days=3)).isoformat()})
        rows.append(r)  # k == 9: open, waiting for screening
    return rows


def as_csv(rows):
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=HEADERS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue().encode("utf-8")


def upload(base, content, dry_run):
    boundary = "bench" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(f"{base}/api/ledger/import?dryRun={'true' if dry_run else 'false'}", data=body,
                                 method="POST")
    req.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    req.add_header("Authorization", "Basic " + base64.b64encode(b"clerk:clerk").decode())
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        answer = json.loads(r.read())
    took = time.perf_counter() - t0
    if answer["errors"] or answer["imported"] != len(content.splitlines()) - 1:
        sys.exit(f"import failed: {json.dumps(answer, ensure_ascii=False)[:600]}")
    return took


CODES = {"当面提交": "IN_PERSON", "互联网渠道": "ONLINE", "邮寄（需签收）": "POST_REGISTERED", "自然人": "NATURAL_PERSON",
         "商业企业": "COMMERCIAL_ENTERPRISE", "予以公开": "DISCLOSED", "部分公开": "PARTIALLY_DISCLOSED",
         "本机关不掌握相关政府信息": "UNAVAILABLE_NOT_HELD", "其他": "OTHER", "重复申请": "NOT_PROCESSED_DUPLICATE"}


def through_api(base, rows):
    """The same rows as a back-filling script would send them: registration and each step, one call each."""
    def must(status_body, want, what):
        if status_body[0] != want:
            sys.exit(f"API back-fill: {what} answered {status_body}")
        return status_body[1]
    t0 = time.perf_counter()
    for r in rows:
        rid = must(benchlib.call(base, "POST", "/api/requests", {
            "channel": CODES[r["申请渠道"]], "arrivedOn": r["到达日期"], "externalReference": r["原编号"],
            "applicant": {"type": CODES[r["申请人类型"]], "name": r["申请人姓名或名称"]}, "description": r["申请内容"],
            "topic": r["信息类别"]}), 201, "registration")["id"]
        step = lambda path, body, user, want=200: must(benchlib.call(base, "POST", f"/api/requests/{rid}/{path}", body,
                                                                     user), want, path)
        if r["补正告知日期"]:
            step("supplement-request", {"noticeOn": r["补正告知日期"], "supplementDueOn": r["补正期限"], "items": "见原台账"},
                 "reviewer")
            step("supplement", {"receivedOn": r["补正收到日期"]}, "clerk")
        if r["延期工作日"]:
            step("screening", {"result": "PROCEED"}, "reviewer")
            step("extension", {"requestedOn": r["延期批准日期"], "workingDays": 15, "reason": "见原台账"}, "reviewer")
            step("extension/decision", {"approved": True, "decidedOn": r["延期批准日期"]}, "head")
        if r["处理结果"]:
            outcome = CODES[r["处理结果"]]
            body = {"outcome": outcome, "decidedOn": r["答复日期"]}
            if outcome in ("DISCLOSED", "PARTIALLY_DISCLOSED"):
                body["confidentialityReview"] = {"reviewedBy": "台账", "reviewedOn": r["答复日期"]}
            if outcome == "DISCLOSED":
                body["alreadyPublic"] = r["已主动公开"] == "是"
            if outcome == "UNAVAILABLE_NOT_HELD":
                body["notHeldReason"] = "DOES_NOT_EXIST"
            if outcome == "OTHER":
                body["reason"] = r["说明"]
            step("decision", body, "reviewer")
            if outcome == "PARTIALLY_DISCLOSED":
                step("sign-off", {"approved": True, "decidedOn": r["答复日期"]}, "head")
    return time.perf_counter() - t0


base = start()
rng = random.Random(15)
through_api(base, ledger_rows("warmup-api", 20, rng))  # warm the JIT on both paths before measuring
upload(base, as_csv(ledger_rows("warmup", 50, rng)), False)
dry, imp, api = [], [], []
for rnd in range(opt.rounds):
    content = as_csv(ledger_rows(f"R{rnd}", opt.rows, rng))
    dry.append(upload(base, content, True))
    imp.append(upload(base, content, False))
    api.append(through_api(base, ledger_rows(f"A{rnd}", opt.api_rows, rng)) / opt.api_rows)
    print(f"round {rnd + 1}: dry run {dry[-1]:.1f} s, import {imp[-1]:.1f} s, API back-fill {api[-1] * 1000:.0f} ms/row",
          flush=True)
d, i, a = statistics.median(dry), statistics.median(imp), statistics.median(api)
per_row = i / opt.rows
print(f"ledger import N={opt.rows}: dry run {d:.1f} s, import {i:.1f} s ({per_row * 1000:.0f} ms/row), "
      f"API back-fill {a * 1000:.0f} ms/row, ratio {a / per_row:.2f}")
