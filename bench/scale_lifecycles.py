"""The real lifecycles the ten-year database is grown from (bench/scale_test.py).

Each shape is driven through the public HTTP API of a running app, with business dates in the past, so that every row
it leaves (ours and Camunda's runtime and history) is exactly what the application writes. scale_test.py then copies
these rows, shifted in time, with new ids, names and descriptions.
"""
from datetime import timedelta

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏建华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣"
# places and subjects a real request names: 3-character districts and 4-character subjects (scale_test.py picks
# from them by position, so every entry has exactly that length)
PLACES = ["朝阳区", "海淀区", "丰台区", "通州区", "顺义区", "昌平区", "大兴区", "房山区", "怀柔区", "平谷区",
          "密云区", "延庆区", "东城区", "西城区", "石景山", "门头沟", "浦东区", "黄浦区", "徐汇区", "长宁区",
          "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "金山区", "松江区", "青浦区",
          "奉贤区", "崇明区", "天河区", "越秀区", "荔湾区", "海珠区", "白云区", "黄埔区", "番禺区", "花都区"]
SUBJECTS = ["征收补偿", "规划许可", "环评报告", "拆迁安置", "土地出让", "财政预算", "招标文件", "执法记录",
            "养老保险", "医保目录", "教育收费", "学区划分", "道路改造", "河道治理", "污水处理", "垃圾分类",
            "消防验收", "食品抽检", "药品监管", "价格听证", "公交线路", "停车收费", "棚户改造", "老旧小区",
            "电梯加装", "供暖价格", "燃气管网", "绿化工程", "林地审批", "矿产开采", "渔业许可", "农田补贴",
            "低保名单", "救助资金", "就业补贴", "人才公寓", "住房公积", "物业维修", "工程验收", "安全检查"]


def drive(call, today, log=print):
    """Runs every shape once; returns {'concluded': n, 'open': m}. `call(method, path, body, user)`."""
    d = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731
    counts = {"concluded": 0, "open": 0}
    seq = [0]

    def register(arrived_days_ago, channel="IN_PERSON", applicant_type="NATURAL_PERSON", email=True):
        seq[0] += 1
        n = seq[0]
        applicant = {"type": applicant_type, "name": SURNAMES[n % 50] + GIVEN[n % 40] + ("公司" if applicant_type
                                                                                      != "NATURAL_PERSON" else ""),
                     "phone": f"1380000{n:04d}"}
        if applicant_type == "NATURAL_PERSON":
            applicant["idNumber"] = "110101199003071234"
        else:
            applicant["creditCode"] = "91110000100000000X"
        if email:
            applicant["email"] = f"template{n}@example.test"
        body = {"channel": channel, "arrivedOn": d(arrived_days_ago), "applicant": applicant,
                "description": f"请公开{PLACES[n % 40]}2024年{SUBJECTS[n % 40]}的相关文件",
                "topic": "其他", "requestedForms": ["ELECTRONIC"], "deliveryChannel": "EMAIL"}
        st, r = call("POST", "/api/requests", body, "clerk")
        must(st, 201, r, "register")
        return r["id"]

    def step(rid, path, body, user, want=200):
        st, r = call("POST", f"/api/requests/{rid}/{path}", body, user)
        must(st, want, r, path)
        return r

    review = lambda n: {"reviewedBy": "保密审查员", "reviewedOn": d(n)}  # noqa: E731

    def concluded(fn):
        fn()
        counts["concluded"] += 1

    # -- concluded shapes, weighted by how often each happens (a shape may run several times)
    for i in range(6):  # decided in handling: disclosed
        def s(i=i):
            rid = register(40, ["IN_PERSON", "ONLINE", "POST_REGISTERED", "FAX"][i % 4])
            step(rid, "screening", {"result": "PROCEED"}, "reviewer")
            step(rid, "decision", {"outcome": "DISCLOSED", "decidedOn": d(25), "deliveryMethod": "EMAIL",
                                   "confidentialityReview": review(26)}, "reviewer")
        concluded(s)
    for i in range(2):  # already public
        def s():
            rid = register(40)
            step(rid, "decision", {"outcome": "DISCLOSED", "alreadyPublic": True, "decidedOn": d(30),
                                   "deliveryMethod": "EMAIL", "confidentialityReview": review(31)}, "reviewer")
        concluded(s)
    for i in range(2):  # partial disclosure, signed off
        def s():
            rid = register(40, applicant_type="COMMERCIAL_ENTERPRISE")
            step(rid, "screening", {"result": "PROCEED"}, "reviewer")
            step(rid, "decision", {"outcome": "PARTIALLY_DISCLOSED", "decidedOn": d(22), "deliveryMethod": "EMAIL",
                                   "reason": "部分涉及个人隐私", "confidentialityReview": review(23)}, "reviewer")
            step(rid, "sign-off", {"approved": True, "decidedOn": d(21)}, "head")
        concluded(s)
    for i in range(2):  # not held
        def s():
            rid = register(40)
            step(rid, "screening", {"result": "PROCEED"}, "reviewer")
            step(rid, "decision", {"outcome": "UNAVAILABLE_NOT_HELD", "notHeldReason": "DOES_NOT_EXIST",
                                   "decidedOn": d(24), "deliveryMethod": "EMAIL"}, "reviewer")
        concluded(s)

    def supplemented():
        rid = register(45)
        step(rid, "supplement-request", {"noticeOn": d(43), "supplementDueOn": d(36), "items": "请说明所需信息的名称和文号"},
             "reviewer")
        step(rid, "supplement", {"receivedOn": d(38)}, "clerk")
        step(rid, "screening", {"result": "PROCEED"}, "reviewer")
        step(rid, "decision", {"outcome": "DISCLOSED", "decidedOn": d(20), "deliveryMethod": "EMAIL",
                               "confidentialityReview": review(21)}, "reviewer")
    concluded(supplemented)

    def consulted():
        rid = register(50)
        step(rid, "screening", {"result": "PROCEED"}, "reviewer")
        c = step(rid, "consultation", {"kind": "THIRD_PARTY", "party": "某某建设有限公司", "sentOn": d(47)}, "reviewer")
        step(rid, "consultation/reply", {"consultationId": c["consultationId"], "repliedOn": d(40),
                                         "opinion": "OBJECT"}, "clerk")
        step(rid, "decision", {"outcome": "WITHHELD_THIRD_PARTY_RIGHTS", "thirdPartyInterest": "TRADE_SECRET",
                               "decidedOn": d(30), "deliveryMethod": "EMAIL", "reason": "涉及商业秘密"}, "reviewer")
        step(rid, "sign-off", {"approved": True, "decidedOn": d(29)}, "head")
    concluded(consulted)

    def extended():
        rid = register(50)
        step(rid, "screening", {"result": "PROCEED"}, "reviewer")
        step(rid, "extension", {"requestedOn": d(30), "workingDays": 20, "reason": "涉及信息量大，需要检索整理"}, "reviewer")
        step(rid, "extension/decision", {"approved": True, "decidedOn": d(29)}, "head")
        step(rid, "decision", {"outcome": "DISCLOSED", "decidedOn": d(10), "deliveryMethod": "EMAIL",
                               "confidentialityReview": review(11)}, "reviewer")
    concluded(extended)

    def fee():
        rid = register(45)
        step(rid, "screening", {"result": "PROCEED"}, "reviewer")
        step(rid, "fee-notice", {"noticeOn": d(40), "method": "PER_VOLUME", "pages": 50, "amountYuan": 200},
             "reviewer")
        step(rid, "fee-payment", {"paidOn": d(35)}, "clerk")
        step(rid, "decision", {"outcome": "DISCLOSED", "decidedOn": d(25), "deliveryMethod": "EMAIL",
                               "confidentialityReview": review(26)}, "reviewer")
    concluded(fee)

    def withdrawn():
        rid = register(40)
        step(rid, "withdrawal", {"withdrawnOn": d(37), "note": "申请人撤回"}, "clerk")
    concluded(withdrawn)

    for i in range(2):
        def s():
            rid = register(40, email=False)
            step(rid, "decision", {"outcome": "NOT_PROCESSED_PETITION", "decidedOn": d(36),
                                   "deliveryMethod": "POST"}, "reviewer")
        concluded(s)

    def appealed():
        rid = register(80)
        step(rid, "decision", {"outcome": "WITHHELD_INTERNAL_AFFAIRS", "decidedOn": d(70), "deliveryMethod": "EMAIL",
                               "reason": "属于内部事务信息"}, "reviewer")
        step(rid, "sign-off", {"approved": True, "decidedOn": d(70)}, "head")
        st, a = call("POST", f"/api/requests/{rid}/appeals", {"kind": "RECONSIDERATION", "receivedOn": d(60),
                                                                "caseNumber": f"复议〔2026〕{rid[:6]}号",
                                                                "body": "市人民政府"}, "reviewer")
        must(st, 201, a, "appeal")
        st, r = call("POST", f"/api/appeals/{a['appealId']}/result", {"result": "UPHELD", "decidedOn": d(5)},
                     "reviewer")
        must(st, 200, r, "appeal result")
    concluded(appealed)

    # -- open shapes: waiting in each step a reviewer meets
    def opened(fn):
        fn()
        counts["open"] += 1

    for i in range(4):
        opened(lambda: register(3))  # screening
    for i in range(4):
        def s():
            rid = register(8)
            step(rid, "screening", {"result": "PROCEED"}, "reviewer")  # handling
        opened(s)

    def awaiting_supplement():
        rid = register(6)
        step(rid, "supplement-request", {"noticeOn": d(4), "supplementDueOn": (today + timedelta(days=20)).isoformat(),
                                         "items": "请补充身份证明"}, "reviewer")
    opened(awaiting_supplement)

    def awaiting_third_party():
        rid = register(10)
        step(rid, "screening", {"result": "PROCEED"}, "reviewer")
        step(rid, "consultation", {"kind": "THIRD_PARTY", "party": "某某物业公司", "sentOn": d(5)}, "reviewer")
    opened(awaiting_third_party)

    def awaiting_extension():
        rid = register(25)
        step(rid, "screening", {"result": "PROCEED"}, "reviewer")
        step(rid, "extension", {"requestedOn": d(2), "workingDays": 15, "reason": "需要会商"}, "reviewer")
    opened(awaiting_extension)

    def awaiting_sign_off():
        rid = register(12)
        step(rid, "decision", {"outcome": "WITHHELD_PROCESS_INFORMATION", "decidedOn": d(1), "deliveryMethod": "EMAIL",
                               "reason": "过程性信息"}, "reviewer")
    opened(awaiting_sign_off)

    def awaiting_payment():
        rid = register(9)
        step(rid, "screening", {"result": "PROCEED"}, "reviewer")
        step(rid, "fee-notice", {"noticeOn": d(3), "method": "PER_VOLUME", "pages": 40, "amountYuan": 100}, "reviewer")
    opened(awaiting_payment)
    for i in range(2):
        opened(lambda: register(45))  # overdue, still in screening
    log(f"templates: {counts['concluded']} concluded and {counts['open']} open lifecycles driven through the API")
    return counts


def must(status, want, body, what):
    if status != want:
        raise SystemExit(f"template step {what}: HTTP {status} (wanted {want}): {body}")
