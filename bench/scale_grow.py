"""Grows a database holding the template lifecycles (bench/scale_lifecycles.py) into ten years of requests.

Every row the templates left, ours and Camunda's (history, and runtime for the open ones), is copied M times in SQL:
  * ids: each value ending in a UUID (also Camunda's "activityId:uuid") keeps all but its last 12 characters (unique
    per template row: Camunda's ids are time-based, ours random) and gets the copy number as its last 12, so every
    reference between rows stays consistent;
  * dates: concluded copies are shifted back by whole weeks, spread evenly over ten years (the weekday stays right;
    a holiday may land on a working day, which no query here depends on); open copies keep the templates' dates, so
    their timers fall due as the templates' do;
  * people: each copied request gets its own applicant name, ID number, phone, e-mail and description, built from
    the same word lists as the templates, and a placeholder tracking number; afterwards the tracking numbers are
    renumbered per agency and year of receipt in order of receipt, the counters set, and the statistics tallies
    rebuilt from the rows by the same statements as migrations V9 (one agency) and V19 (per agency);
  * agencies (scale_test.py --agencies): each copied request belongs to one agency, drawn by its number from buckets
    sized as the agencies are; its rows, ours (agency_code) and Camunda's (TENANT_ID_, as process.AgencyTenants sets
    it), all carry that agency. The templates' own Camunda rows get the default agency, as a one-agency platform
    gives them.
Letters, mails, events and Camunda's summaries keep the template's text. Camunda's task meter log is not copied.
"""
import scale_lifecycles as words

UUID_LIKE = "________-____-____-____-____________"
NEVER_MILLIS = 30000000000000  # Camunda date variables past this are the "never" placeholder (year 3000)
# what is shared by all instances and so never copied
STATIC_PREFIXES = ("ACT_RE_", "ACT_ID_", "ACT_GE_PROPERTY", "ACT_GE_SCHEMA_LOG", "ACT_RU_JOBDEF", "ACT_RU_FILTER",
                   "ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG")
OUR_STATIC = {"dd_schema_history", "dd_calendar_year", "dd_calendar_day", "dd_calendar_revision", "dd_setting",
              "dd_tracking_counter", "dd_agency_counter", "dd_stat_tally", "dd_statistics_freeze", "dd_request_gram", "dd_submission",
              "dd_submission_attachment", "dd_rate_limit", "dd_altcha_used"}
NOT_REWRITTEN = {"DEPLOYMENT_ID_", "JOB_DEF_ID_", "PROC_DEF_ID_", "PROCESS_DEF_ID_", "DECISION_DEF_ID_", "DEC_DEF_ID_",
                 "CASE_DEF_ID_", "DEC_REQ_ID_", "TENANT_ID_"}


class Dialect:
    def __init__(self, name):
        self.name = name

    def shift(self, col, days):
        return f"DATE_ADD({col}, INTERVAL {days} DAY)" if self.name == "mysql" else f"DATEADD(DAY, {days}, {col})"

    def text(self, expr):
        return f"CAST({expr} AS CHAR)" if self.name == "mysql" else f"CAST({expr} AS VARCHAR)"

    def copy_id(self, col, k):
        # also "activityId:uuid", as Camunda names some activity instances; tested by its last dash and length
        # (a LIKE with 36 wildcards on every value of every id column was most of the copying's time)
        return (f"CASE WHEN CHAR_LENGTH({col}) >= 36 AND SUBSTRING({col}, CHAR_LENGTH({col}) - 12, 1) = '-'"
                f" AND SUBSTRING({col}, CHAR_LENGTH({col}) - 27, 1) = '-'"
                f" THEN CONCAT(LEFT({col}, CHAR_LENGTH({col}) - 12), LPAD({self.text(k)}, 12, '0')) ELSE {col} END")

    def bigint(self, expr):
        return f"CAST({expr} AS SIGNED)" if self.name == "mysql" else f"CAST({expr} AS BIGINT)"

    def numbers(self, n):
        """A table of 1..n in a column n."""
        return f"(SELECT seq AS n FROM seq_1_to_{n}) s" if self.name == "mysql" else f"(SELECT X AS n FROM SYSTEM_RANGE(1, {n})) s"

    def code_point(self, ch):
        return f"ORD(CONVERT({ch} USING utf32))" if self.name == "mysql" else f"ASCII({ch})"


BUCKETS = 10007  # a prime: request number × 7919 modulo it visits every bucket evenly


def buckets(weights):
    """[(code, first bucket past it)] with each agency's share of the BUCKETS by its weight (at least one each)."""
    total, acc, out = sum(w for _, w in weights), 0.0, []
    for i, (code, w) in enumerate(weights):
        acc += w
        out.append((code, BUCKETS if i == len(weights) - 1 else max(round(BUCKETS * acc / total),
                                                                     (out[-1][1] if out else 0) + 1)))
    return out


def agency_expr(d, u, plan):
    """The agency of request number `u` (SQL), by the bucket plan of buckets()."""
    bucket = f"MOD({d.bigint(u)} * 7919, {BUCKETS})"
    whens = " ".join(f"WHEN {bucket} < {end} THEN '{code}'" for code, end in plan[:-1])
    return f"CASE {whens} ELSE '{plan[-1][0]}' END" if whens else f"'{plan[-1][0]}'"


def columns(query, dialect):
    """{table: [(column, kind)]} for the tables holding instance data; kind is 'date', 'id', 'text' or 'other'."""
    if dialect.name == "mysql":
        rows = query("SELECT table_name, column_name, data_type, extra FROM information_schema.columns"
                     " WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position")
    else:
        rows = query("SELECT table_name, column_name, data_type, CASE WHEN is_generated = 'ALWAYS' THEN 'GENERATED'"
                     " ELSE '' END FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
                     " ORDER BY table_name, ordinal_position")
    out = {}
    for table, col, dtype, extra in rows:
        if "GENERATED" in (extra or "").upper():
            continue
        t = dtype.lower()
        kind = ("date" if t in ("date", "datetime", "timestamp", "timestamp without time zone") else
                "id" if t in ("varchar", "char", "character varying", "character") else
                "text" if "text" in t or "character large object" in t or t == "clob" else "other")
        out.setdefault(table, []).append((col, kind))
    return out


def instance_tables(cols):
    ours, camunda = {}, {}
    for table, cs in cols.items():
        names = {c for c, _ in cs}
        if table.upper().startswith("ACT_"):
            if table.upper().startswith(STATIC_PREFIXES):
                continue
            link = next((c for c in ("ROOT_PROC_INST_ID_", "PROC_INST_ID_", "PROCESS_INSTANCE_ID_") if c in names), None)
            if table.upper() in ("ACT_RU_IDENTITYLINK",):
                link = "TASK"
            if table.upper() == "ACT_RU_AUTHORIZATION":
                link = "AUTH"
            if link:
                camunda[table] = (cs, link)
        elif table.lower() not in OUR_STATIC and table.lower().startswith("dd_"):
            link = "id" if table.lower() == "dd_request" else "request_id" if "request_id" in {n.lower() for n in names} else None
            if link:
                ours[table] = (cs, link)
    return ours, camunda


def name_exprs(d, u):
    sur, giv = words.SURNAMES[:100], words.GIVEN[:50]
    places, subjects = "".join(words.PLACES), "".join(words.SUBJECTS)
    name = (f"CONCAT(SUBSTRING('{sur}', 1 + MOD({u}, 100), 1), SUBSTRING('{giv}', 1 + MOD(FLOOR({u} / 100), 50), 1),"
            f" SUBSTRING('{giv}', 1 + MOD(FLOOR({u} / 5000), 50), 1))")
    idnum = f"CONCAT('1101', LPAD({d.text(f'MOD({u}, 100000000000000)')}, 14, '0'))"
    credit = f"CONCAT('91', LPAD({d.text(u)}, 16, '0'))"
    desc = (f"CONCAT('请公开', SUBSTRING('{places}', 1 + 3 * MOD({u}, 40), 3),"
            f" SUBSTRING('{subjects}', 1 + 4 * MOD(FLOOR({u} / 40), 40), 4),"
            f" '的相关文件，包括批复、公示材料和资金使用情况')")
    return name, idnum, credit, desc


def id_columns(query, table, cs):
    """The character columns of `table` where some template row holds a value ending in a UUID (one query)."""
    candidates = [c for c, kind in cs if kind == "id" and c.upper() not in NOT_REWRITTEN]
    if not candidates:
        return set()
    row = query("SELECT " + ", ".join(f"SUM(CASE WHEN {c} LIKE '%{UUID_LIKE}' THEN 1 ELSE 0 END)" for c in candidates)
                + f" FROM {table}")[0]
    return {c for c, n in zip(candidates, row) if n not in ("", "NULL", "null") and int(n) > 0}


def select_list(d, table, cs, k, shift, u, ids, agencies=None):
    """The copied row: (columns, expressions) for table `table` with alias x; `agencies` a plan of buckets()."""
    name, idnum, credit, desc = name_exprs(d, u)
    special = {}
    if agencies:
        special["agency_code" if table.lower().startswith("dd_") else "tenant_id_"] = agency_expr(d, u, agencies)
    if table.lower() == "dd_request":
        special.update({
            "tracking_number": f"CONCAT('S', LPAD({d.text(u)}, 12, '0'))",
            "receipt_year": f"EXTRACT(YEAR FROM {d.shift('x.received_on', shift)})",
            "applicant_name": f"CASE WHEN x.applicant_type = 'NATURAL_PERSON' THEN {name} ELSE CONCAT({name}, '公司') END",
            "applicant_id_number": f"CASE WHEN x.applicant_id_number IS NULL THEN NULL ELSE {idnum} END",
            "applicant_credit_code": f"CASE WHEN x.applicant_credit_code IS NULL THEN NULL ELSE {credit} END",
            "applicant_key": f"CASE WHEN x.applicant_id_number IS NOT NULL THEN CONCAT('ID:', {idnum})"
                             f" WHEN x.applicant_credit_code IS NOT NULL THEN CONCAT('CC:', {credit}) ELSE x.applicant_key END",
            "applicant_phone": f"CASE WHEN x.applicant_phone IS NULL THEN NULL ELSE CONCAT('13', LPAD({d.text(f'MOD({u}, 1000000000)')}, 9, '0')) END",
            "applicant_email": f"CASE WHEN x.applicant_email IS NULL THEN NULL ELSE CONCAT('a', {d.text(u)}, '@example.test') END",
            "description": desc,
        })
    cols, exprs = [], []
    for c, kind in cs:
        cols.append(c)
        if c.lower() in special:
            exprs.append(special[c.lower()])
        elif kind == "date":
            exprs.append(d.shift(f"x.{c}", shift) if shift != "0" else f"x.{c}")
        elif c in ids:
            exprs.append(d.copy_id(f"x.{c}", k))
        elif c.upper() == "LONG_" and shift != "0":
            typ = "x.VAR_TYPE_" if any(n.upper() == "VAR_TYPE_" for n, _ in cs) else "x.TYPE_"
            exprs.append(f"CASE WHEN {typ} = 'date' AND x.LONG_ < {NEVER_MILLIS} THEN x.LONG_ + {d.bigint(shift)} * 86400000"
                         f" ELSE x.LONG_ END")
        else:
            exprs.append(f"x.{c}")
    return cols, exprs


def grow(query, dialect, concluded_copies, open_copies, weeks=521, batch=2000, agencies=None, default_agency=None):
    """(setup statements, {table: its copy statements}); the tables are independent of each other, so they may be
    copied side by side. ("-- log", text) items are progress markers. `agencies`: a plan of buckets(), whose
    requests' Camunda rows carry their agency as tenant; the templates' carry `default_agency`."""
    d = dialect
    out = ["DROP TABLE IF EXISTS bench_seq", "DROP TABLE IF EXISTS bench_req", "DROP TABLE IF EXISTS bench_root"]
    m = max(concluded_copies, open_copies, 200)
    out.append("CREATE TABLE bench_seq (k INT NOT NULL PRIMARY KEY, shift INT NOT NULL)")
    # copy k of the concluded ones is `shift` days earlier: whole weeks, evenly over ten years, the newest first
    out.append(f"INSERT INTO bench_seq (k, shift) SELECT s.n, -7 * (1 + FLOOR((s.n - 1) * {weeks - 1}"
               f" / {max(concluded_copies, 1)})) FROM {d.numbers(m)}")
    out.append("CREATE TABLE bench_req (tid VARCHAR(64) NOT NULL PRIMARY KEY, idx INT NOT NULL, grp CHAR(1) NOT NULL)")
    out.append("INSERT INTO bench_req (tid, idx, grp) SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) - 1,"
               " CASE WHEN status = 'CONCLUDED' THEN 'C' ELSE 'O' END FROM dd_request")
    out.append("CREATE TABLE bench_root (tid VARCHAR(64) NOT NULL PRIMARY KEY, idx INT NOT NULL, grp CHAR(1) NOT NULL)")
    # every root process instance belongs to one request: its own (business key = request id, also for the
    # mail-delivery processes) or an appeal's (business key = appeal id)
    out.append("INSERT INTO bench_root (tid, idx, grp) SELECT h.ID_, r.idx, r.grp FROM ACT_HI_PROCINST h"
               " JOIN bench_req r ON r.tid = h.BUSINESS_KEY_ WHERE h.ID_ = h.ROOT_PROC_INST_ID_")
    out.append("INSERT INTO bench_root (tid, idx, grp) SELECT h.ID_, r.idx, r.grp FROM ACT_HI_PROCINST h"
               " JOIN dd_appeal a ON a.id = h.BUSINESS_KEY_ JOIN bench_req r ON r.tid = a.request_id"
               " WHERE h.ID_ = h.ROOT_PROC_INST_ID_")
    ours, camunda = instance_tables(columns(query, d))
    plan = []
    tables = list(ours.items()) + list(camunda.items())
    counts = query(" UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM {t}" for t, _ in tables))
    filled = {t for t, n in counts if int(n) > 0}
    for table, (cs, link) in tables:
        if table not in filled:
            continue
        if link in ("id", "request_id"):
            join = f"JOIN bench_req m ON m.tid = x.{link}"
        elif link == "TASK":
            join = "JOIN ACT_RU_TASK tk ON tk.ID_ = x.TASK_ID_ JOIN bench_root m ON m.tid = tk.PROC_INST_ID_"
        elif link == "AUTH":
            join = ("JOIN ACT_RU_TASK tk ON tk.ID_ = x.RESOURCE_ID_ AND x.RESOURCE_TYPE_ = 7"
                    " JOIN bench_root m ON m.tid = tk.PROC_INST_ID_")
        else:
            join = f"JOIN bench_root m ON m.tid = x.{link}"
        plan.append((table, cs, join, id_columns(query, table, cs)))
    if agencies and default_agency:
        # the templates were driven on a platform of one agency: their instances are its tenant's
        for table, cs, join, ids in plan:
            if table.upper().startswith("ACT_") and any(c.upper() == "TENANT_ID_" for c, _ in cs):
                key = next((c for c in ("ID_", "TASK_ID_") if c in {n for n, _ in cs}), None)
                if key:
                        out.append(f"UPDATE {table} SET TENANT_ID_ = '{default_agency}' WHERE {key} IN"
                               f" (SELECT x.{key} FROM (SELECT x.{key} FROM {table} x {join}) x)")
    copies_of = {}
    for table, cs, join, ids in plan:
        # the template rows with their request's number and group, apart: each batch then reads a few dozen rows
        # instead of finding them again in a table that grows with every batch
        stage = f"bench_t_{table.lower()}"
        out.append(f"DROP TABLE IF EXISTS {stage}")
        out.append(f"CREATE TABLE {stage} AS SELECT x.*, m.idx AS bench_idx, m.grp AS bench_grp FROM {table} x {join}")
        mine = copies_of.setdefault(table, [])
        for grp, copies in (("C", concluded_copies), ("O", open_copies)):
            for lo in range(1, copies + 1, batch):
                hi = min(copies, lo + batch - 1)
                shift = "q.shift" if grp == "C" else "0"
                u = "(q.k * 100 + x.bench_idx)" if grp == "C" else f"(({concluded_copies} + q.k) * 100 + x.bench_idx)"
                cols, exprs = select_list(d, table, cs, "q.k", shift, u, ids, agencies)
                mine.append(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM {stage} x"
                            f" JOIN bench_seq q ON q.k BETWEEN {lo} AND {hi} WHERE x.bench_grp = '{grp}'")
                mine.append(("-- log", f"{table}: {'concluded' if grp == 'C' else 'open'} copies {lo}..{hi} of {copies}"))
        mine.append(f"DROP TABLE {stage}")
    return out, copies_of


def finish(dialect, with_grams, years, several=False, tally_per_agency=False):
    """Statements: tracking numbers per agency and year in order of receipt (with the agency's code in front once
    there are `several`, as intake.TrackingNumbers numbers them), the counters, the statistics tallies, the search
    index of the copies (as SearchGrams cuts it: every two adjacent characters, by code point)."""
    d = dialect
    out = []
    run = out.append
    if with_grams:
        run(("-- log", "search index of the copies"))
        c1, c2 = d.code_point("SUBSTRING(r.description, s.n, 1)"), d.code_point("SUBSTRING(r.description, s.n + 1, 1)")
        for year in range(2000, 2100):  # a year at a time: no statement as large as the whole table
            if year in years:
                run(f"INSERT INTO dd_request_gram (gram, request_id) SELECT DISTINCT {d.bigint(c1)} * 1114112 + {c2}, r.id"
                    f" FROM dd_request r JOIN {d.numbers(200)} ON s.n < CHAR_LENGTH(r.description)"
                    f" WHERE r.receipt_year = {year} AND NOT EXISTS (SELECT 1 FROM bench_req t WHERE t.tid = r.id)")
                run(("-- log", f"search index: {year}"))
    ranked = ("SELECT id, agency_code, receipt_year, ROW_NUMBER() OVER (PARTITION BY agency_code, receipt_year"
              " ORDER BY received_on, created_at, id) AS rn FROM dd_request")
    prefix = "y.agency_code, '-', " if several else ""
    number = (f"CONCAT({prefix}"
              f"{d.text('y.receipt_year')}, '-', CASE WHEN y.rn < 10000 THEN LPAD({d.text('y.rn')}, 4, '0')"
              f" ELSE {d.text('y.rn')} END)")
    # first out of the way of the unique index, then the final numbers
    run("UPDATE dd_request SET tracking_number = CONCAT('T', LEFT(id, 8), RIGHT(id, 11))")
    if d.name == "mysql":
        run(f"UPDATE dd_request r JOIN ({ranked}) y ON y.id = r.id SET r.tracking_number = {number}")
    else:
        run(f"MERGE INTO dd_request r USING ({ranked}) y ON r.id = y.id WHEN MATCHED THEN UPDATE SET"
            f" r.tracking_number = {number}")
    run("DELETE FROM dd_agency_counter")
    run("INSERT INTO dd_agency_counter (agency_code, receipt_year, last_value) SELECT agency_code, receipt_year,"
        " COUNT(*) FROM dd_request GROUP BY agency_code, receipt_year")
    if tally_per_agency:  # as migration V19 builds them from the rows
        run("DELETE FROM dd_stat_tally")
        run("INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n) SELECT stat_concluded_year,"
            " agency_code, 'CONCLUDED', stat_concluded_key, '', COUNT(*) FROM dd_request"
            " WHERE stat_concluded_year IS NOT NULL GROUP BY stat_concluded_year, agency_code, stat_concluded_key")
        # grouped in index order, then no topic and '' merged (as V19: grouping on COALESCE sorts on disk)
        run("INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n) SELECT y, a, 'NEW', k, t,"
            " SUM(c) FROM (SELECT stat_received_year y, agency_code a, stat_new_key k, COALESCE(topic, '') t,"
            " COUNT(*) c FROM dd_request GROUP BY stat_received_year, agency_code, stat_new_key, topic) g"
            " GROUP BY y, a, k, t")
        return tail(out)
    # as migration V9 builds them from the rows
    run("DELETE FROM dd_stat_tally")
    run("INSERT INTO dd_stat_tally (facet, stat_year, stat_key, topic, n) SELECT 'CONCLUDED', stat_concluded_year,"
        " stat_concluded_key, '', COUNT(*) FROM dd_request WHERE stat_concluded_year IS NOT NULL"
        " GROUP BY stat_concluded_year, stat_concluded_key")
    run("INSERT INTO dd_stat_tally (facet, stat_year, stat_key, topic, n) SELECT 'NEW', stat_received_year,"
        " stat_new_key, COALESCE(topic, ''), COUNT(*) FROM dd_request"
        " GROUP BY stat_received_year, stat_new_key, COALESCE(topic, '')")
    return tail(out)


def tail(out):
    for t in ("bench_seq", "bench_req", "bench_root"):
        out.append(f"DROP TABLE {t}")
    out.append(("-- log", "tracking numbers, counters and tallies rebuilt"))
    return out
