#!/usr/bin/env python3
"""Writes eval/questions.yaml: the development set of the semantic engine.

Questions are varied phrasings of analysts' question shapes over the demo warehouse (warehouse-schema.md); each gold
SQL is written here by hand from the schema's definitions, independently of the engine. Run from the repo root:
    python3 eval/make_questions.py
Deterministic (fixed seed), so the committed file can be regenerated and diffed.
"""
import random

R = random.Random(20251226)
AS_OF = "2025-12-26"
PRODUCTS = ["Tirosint", "Tirosint-SOL", "Synthroid", "Levoxyl", "Unithroid", "Euthyrox", "Armour Thyroid", "Cytomel",
            "Flector", "Licart", "Pennsaid", "Voltaren Gel", "Diclofenac Gel"]
MARKET = {p: ("Topical NSAID" if p in ("Flector", "Licart", "Pennsaid", "Voltaren Gel", "Diclofenac Gel")
              else "Hypothyroidism") for p in PRODUCTS}
PROMOTED = ["Tirosint", "Tirosint-SOL", "Flector", "Licart"]
REGIONS = ["Northeast", "Southeast", "Midwest", "Southwest", "West"]
SPECIALTIES = {"Endocrinology": ["endocrinologists", "endocrinology"], "Rheumatology": ["rheumatologists"],
               "Cardiology": ["cardiologists"], "Family Medicine": ["family medicine", "family practitioners"],
               "Internal Medicine": ["internal medicine", "internists"], "Nurse Practitioner": ["nurse practitioners"],
               "OB/GYN": ["OB/GYNs", "ob/gyn"], "Orthopedic Surgery": ["orthopedic surgeons"],
               "Pain Medicine": ["pain medicine"], "Sports Medicine": ["sports medicine"],
               "Physician Assistant": ["physician assistants"]}
PAYERS = ["UnitedHealthcare", "Aetna", "Cigna", "Blue Cross Blue Shield", "Humana Medicare", "State Medicaid"]
CHANNELS = ["Commercial", "Medicare Part D", "Medicaid"]
CALL_CHANNELS = ["In-Person", "Virtual", "Phone", "Email"]
STATES = {"TX": "Texas", "CA": "California", "FL": "Florida", "NY": "New York", "IL": "Illinois", "OH": "Ohio"}
TERRITORIES = ["Boston", "Chicago", "Dallas", "Seattle", "Atlanta", "Denver", "Miami", "Phoenix"]

def q(year, n):
    start = ["01-01", "04-01", "07-01", "10-01"][n - 1]
    end = ["03-31", "06-30", "09-30", "12-31"][n - 1]
    return f"{year}-{start}", f"{year}-{end}"

# (phrase, from, to): periods as analysts say them, resolved against the as-of date 2025-12-26
PERIODS = [("in Q4 2024", *q(2024, 4)), ("in q1 2025", *q(2025, 1)), ("in Q3 2023", *q(2023, 3)),
           ("in the first quarter of 2024", *q(2024, 1)), ("in 2024", "2024-01-01", "2024-12-31"),
           ("in 2025", "2025-01-01", "2025-12-31"), ("in 2023", "2023-01-01", "2023-12-31"),
           ("last quarter", *q(2025, 3)), ("this quarter", *q(2025, 4)), ("this year", "2025-01-01", AS_OF),
           ("YTD", "2025-01-01", AS_OF), ("last year", "2024-01-01", "2024-12-31"),
           ("over the last 12 weeks", "2025-10-04", AS_OF), ("in the past 4 weeks", "2025-11-29", AS_OF),
           ("in the last 6 months", "2025-07-01", AS_OF), ("in March 2025", "2025-03-01", "2025-03-31"),
           ("in Q2 2025", *q(2025, 2)), ("during 2024 Q3", *q(2024, 3)), ("last month", "2025-11-01", "2025-11-30"),
           ("between January 2025 and June 2025", "2025-01-01", "2025-06-30"), ("in H1 2024", "2024-01-01", "2024-06-30")]
METRICS = {"trx": ["TRx", "trx", "scripts", "prescriptions", "total prescriptions", "TRx volume"],
           "nrx": ["NRx", "nrx", "new scripts", "new prescriptions", "new Rx"],
           "units": ["units", "units dispensed"]}
HCP_WORDS = ["prescribers", "HCPs", "doctors", "physicians", "providers", "writers" if False else "hcps"]
CALL_WORDS = ["calls", "visits", "interactions", "details", "sales calls"]

def typo(word):
    """One adjacent swap or deletion inside a word of 7+ letters: what the engine must forgive."""
    if len(word) < 7 or not word.isalpha():
        return word
    i = R.randrange(2, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if R.random() < 0.5 else word[:i] + word[i + 1:]

def maybe_typo(name):
    return " ".join(typo(w) if R.random() < 0.25 else w for w in name.split(" "))

def lit(s):
    return "'" + s.replace("'", "''") + "'"

def rx_sql(select, where, group="", order="", joins=("hcp", "product", "territory", "payer")):
    j = {"hcp": " JOIN hcp h ON h.hcp_id = r.hcp_id", "territory": " JOIN territory t ON t.territory_id = h.territory_id",
         "product": " JOIN product p ON p.product_id = r.product_id", "payer": " JOIN payer y ON y.payer_id = r.payer_id"}
    sql = "SELECT " + select + " FROM rx_weekly r" + "".join(j[x] for x in joins)
    return sql + (" WHERE " + " AND ".join(where) if where else "") + group + order

def call_sql(select, where, group="", order=""):
    sql = ("SELECT " + select + " FROM call_activity c JOIN territory t ON t.territory_id = c.territory_id"
           " JOIN product p ON p.product_id = c.product_id JOIN hcp h ON h.hcp_id = c.hcp_id")
    return sql + (" WHERE " + " AND ".join(where) if where else "") + group + order

def rx_period(a, b):
    return f"r.week_ending BETWEEN DATE '{a}' AND DATE '{b}'"

def call_period(a, b):
    return f"c.call_date BETWEEN DATE '{a}' AND DATE '{b}'"

OUT = []

def add(shape, question, sql, ordered=False):
    OUT.append({"shape": shape, "question": question, "sql": sql, "ordered": ordered})

def refuse(question, why):
    OUT.append({"shape": "refuse", "question": question, "refuse": why})

def pick(xs):
    return R.choice(xs)

AGG = {"trx": "SUM(r.trx)", "nrx": "SUM(r.nrx)", "units": "SUM(r.units)"}

def totals():
    forms = ["total {m} for {p} {t}", "what was {p} {m} {t}", "{p} {m} {t}", "how many {m} did {p} get {t}",
             "show {m} of {p} {t}", "give me the {m} for {p} {t}"]
    for i in range(36):
        mk = pick(list(METRICS))
        m, p, (tp, a, b) = pick(METRICS[mk]), pick(PRODUCTS), pick(PERIODS)
        text = pick(forms).format(m=m, p=maybe_typo(p), t=tp)
        text = text.lower() if R.random() < 0.3 else text
        add("total", text, rx_sql(f"{AGG[mk]} AS v", [f"p.product_name = {lit(p)}", rx_period(a, b)]))
    for reg in REGIONS[:3]:
        add("total", f"Tirosint TRx in the {reg} in 2025", rx_sql("SUM(r.trx)", [
            f"t.region = {lit(reg)}", "p.product_name = 'Tirosint'", rx_period("2025-01-01", "2025-12-31")]))
    for code, name in list(STATES.items())[:4]:
        add("total", f"NRx for Flector in {name} last year", rx_sql("SUM(r.nrx)", [
            f"t.state = {lit(code)}", "p.product_name = 'Flector'", rx_period("2024-01-01", "2024-12-31")]))
    for ch in CALL_CHANNELS:
        w = pick(CALL_WORDS)
        add("total", f"number of {ch} {w} in Q4 2025", call_sql("COUNT(*)", [
            f"c.channel = {lit(ch)}", call_period("2025-10-01", "2025-12-31")]))
    add("total", "total TRx for promoted products in 2025", rx_sql("SUM(r.trx)", [
        "p.is_promoted", rx_period("2025-01-01", "2025-12-31")]))
    add("total", "AbbVie TRx this year", rx_sql("SUM(r.trx)", ["p.manufacturer = 'AbbVie'", rx_period("2025-01-01", AS_OF)]))
    add("total", "Cigna scripts for Tirosint in 2025", rx_sql("SUM(r.trx)", [
        "y.payer_name = 'Cigna'", "p.product_name = 'Tirosint'", rx_period("2025-01-01", "2025-12-31")]))
    add("total", "Medicare Part D TRx for Synthroid in 2024", rx_sql("SUM(r.trx)", [
        "y.channel = 'Medicare Part D'", "p.product_name = 'Synthroid'", rx_period("2024-01-01", "2024-12-31")]))
    add("total", "total call minutes in 2025", call_sql("SUM(c.duration_min)", [call_period("2025-01-01", "2025-12-31")]))
    add("total", "refills for Levoxyl in 2024", rx_sql("SUM(r.trx - r.nrx)", [
        "p.product_name = 'Levoxyl'", rx_period("2024-01-01", "2024-12-31")]))

DIMS = {"region": ("t.region", ["by region", "per region", "for each region", "across regions", "region wise"]),
        "specialty": ("h.specialty", ["by specialty", "per specialty", "for each specialty"]),
        "channel": ("y.channel", ["by payer channel", "by channel", "per channel"]),
        "payer": ("y.payer_id, y.payer_name", ["by payer", "per payer", "for each payer"]),
        "state": ("t.state", ["by state", "per state"]),
        "rep": ("t.rep_name", ["by rep", "per sales rep"]),
        "product": ("p.product_id, p.product_name", ["by product", "per brand", "for each product"]),
        "territory": ("t.territory_id, t.territory_name", ["by territory", "per territory"]),
        "molecule": ("p.molecule", ["by molecule"]), "manufacturer": ("p.manufacturer", ["by manufacturer"]),
        "decile": ("h.decile", ["by decile", "per hcp decile"])}

def breakdowns():
    forms = ["{m} {d} for {p} {t}", "{p} {m} {d} {t}", "show {m} {d} for {p} {t}", "break down {p} {m} {t} {d}"]
    for i in range(40):
        dk = pick(list(DIMS))
        cols, phrases = DIMS[dk]
        mk = pick(list(METRICS))
        p = pick(PRODUCTS) if dk not in ("product", "molecule", "manufacturer") else None
        tp, a, b = pick(PERIODS)
        where = [rx_period(a, b)]
        if p:
            where.insert(0, f"p.product_name = {lit(p)}")
            text = pick(forms).format(m=pick(METRICS[mk]), d=pick(phrases), p=maybe_typo(p), t=tp)
        else:
            text = f"{pick(METRICS[mk])} {pick(phrases)} {tp}"
        add("breakdown", text, rx_sql(f"{cols}, {AGG[mk]}", where, f" GROUP BY {cols}"))
    for d, (cols, phrases) in {"region": ("t.region", ["by region"]), "rep": ("t.rep_name", ["by rep"]),
                                "channel": ("c.channel", ["by call channel", "by channel"])}.items():
        for w in CALL_WORDS[:2]:
            add("breakdown", f"{w} {pick(phrases)} in 2025", call_sql(f"{cols}, COUNT(*)", [
                call_period("2025-01-01", "2025-12-31")], f" GROUP BY {cols}"))
    add("breakdown", "TRx and NRx by region for Tirosint in 2025", rx_sql("t.region, SUM(r.trx), SUM(r.nrx)", [
        "p.product_name = 'Tirosint'", rx_period("2025-01-01", "2025-12-31")], " GROUP BY t.region"))

ENT = {"hcp": ("h.hcp_id, h.full_name", ["prescribers", "HCPs", "doctors", "physicians", "providers", "writers"]),
       "territory": ("t.territory_id, t.territory_name", ["territories"]),
       "product": ("p.product_id, p.product_name", ["products", "brands"]),
       "payer": ("y.payer_id, y.payer_name", ["payers", "plans"]),
       "rep": ("t.rep_name", ["reps", "sales reps"]), "region": ("t.region", ["regions"]),
       "specialty": ("h.specialty", ["specialties"])}

def rankings():
    for i in range(40):
        ek = pick([e for e in ENT if e != "hcp" or True])
        cols, words = ENT[ek]
        word = pick(words if ek != "hcp" else words[:5])
        mk = pick(list(METRICS))
        n = pick([3, 5, 10])
        top = R.random() < 0.8
        tp, a, b = pick(PERIODS)
        where = [rx_period(a, b)]
        ptext = ""
        if ek not in ("product",):
            p = pick(PRODUCTS)
            where.insert(0, f"p.product_name = {lit(p)}")
            ptext = pick([" for {p}", " of {p}", " for {p}"]).format(p=maybe_typo(p))
        key = cols.split(",")[0].split(" ")[0]
        order = f" ORDER BY 2 DESC" if False else ""
        mcol = AGG[mk]
        verb = pick(["top", "Top", "show me the top", "who are the top"]) if top else pick(["bottom", "lowest"])
        text = f"{verb} {n} {word} by {pick(METRICS[mk])}{ptext} {tp}"
        ordering = f" ORDER BY v {'DESC' if top else 'ASC'}, {cols} LIMIT {n}"
        add("ranking", text, rx_sql(f"{cols}, {mcol} AS v", where, f" GROUP BY {cols}", ordering), ordered=True)
    for reg in ["region", "territory"]:
        cols = ENT[reg][0]
        add("ranking", f"which {reg} had the highest Tirosint TRx in 2025", rx_sql(f"{cols}, SUM(r.trx) AS v", [
            "p.product_name = 'Tirosint'", rx_period("2025-01-01", "2025-12-31")], f" GROUP BY {cols}",
            f" ORDER BY v DESC, {cols} LIMIT 1"), ordered=True)
    add("ranking", "top 5 reps by calls last quarter", call_sql("t.rep_name, COUNT(*) AS v", [
        call_period("2025-07-01", "2025-09-30")], " GROUP BY t.rep_name", " ORDER BY v DESC, t.rep_name LIMIT 5"), True)
    add("ranking", "top 10 territories by reach in 2025", call_sql(
        "t.territory_id, t.territory_name, COUNT(DISTINCT c.hcp_id) AS v", [call_period("2025-01-01", "2025-12-31")],
        " GROUP BY t.territory_id, t.territory_name", " ORDER BY v DESC, t.territory_id, t.territory_name LIMIT 10"), True)
    add("ranking", "top 10 HCPs by visits in 2025", call_sql("h.hcp_id, h.full_name, COUNT(*) AS v", [
        call_period("2025-01-01", "2025-12-31")], " GROUP BY h.hcp_id, h.full_name",
        " ORDER BY v DESC, h.hcp_id, h.full_name LIMIT 10"), True)

GRAINS = {"week": ["weekly {m} trend for {p} {t}", "{p} {m} by week {t}", "week by week {m} for {p} {t}"],
          "month": ["monthly {m} trend for {p} {t}", "{p} {m} by month {t}", "{m} per month for {p} {t}",
                    "{p} monthly {m} {t}"],
          "quarter": ["quarterly {m} for {p} {t}", "{p} {m} by quarter {t}"],
          "year": ["yearly {m} for {p}", "{p} {m} by year", "annual {m} for {p}"]}
TREND_PERIODS = [p for p in PERIODS if p[0] in ("in 2024", "in 2025", "this year", "last year", "in the last 6 months",
                                                 "over the last 12 weeks", "in 2023", "YTD")]

def trends():
    for i in range(30):
        g = pick(list(GRAINS))
        mk = pick(list(METRICS))
        p = pick(PRODUCTS)
        tp, a, b = pick(TREND_PERIODS)
        text = pick(GRAINS[g]).format(m=pick(METRICS[mk]), p=maybe_typo(p), t=tp).strip()
        where = [f"p.product_name = {lit(p)}"] + ([] if g == "year" else [rx_period(a, b)])
        # a weekly series is labelled by the data's own week (week_ending, a Friday), as issue 12 asks
        bucket = "r.week_ending" if g == "week" else f"CAST(DATE_TRUNC('{g}', r.week_ending) AS DATE)"
        add("trend", text, rx_sql(f"{bucket} AS b, {AGG[mk]}", where, " GROUP BY 1", " ORDER BY 1"), ordered=True)
    add("trend", "monthly calls trend in 2025", call_sql("CAST(DATE_TRUNC('month', c.call_date) AS DATE), COUNT(*)", [
        call_period("2025-01-01", "2025-12-31")], " GROUP BY 1", " ORDER BY 1"), True)
    add("trend", "Tirosint TRx trend by region by quarter in 2025", rx_sql(
        "CAST(DATE_TRUNC('quarter', r.week_ending) AS DATE), t.region, SUM(r.trx)",
        ["p.product_name = 'Tirosint'", rx_period("2025-01-01", "2025-12-31")], " GROUP BY 1, 2", " ORDER BY 1, 2"), True)

def share_sql(p, where_extra, group_cols, metric="trx", a=None, b=None):
    where = [f"p.market = {lit(MARKET[p])}", rx_period(a, b)] + where_extra
    sel = (group_cols + ", " if group_cols else "") + \
        f"SUM(CASE WHEN p.product_name = {lit(p)} THEN r.{metric} ELSE 0 END) * 1.0 / SUM(r.{metric})"
    return rx_sql(sel, where, f" GROUP BY {group_cols}" if group_cols else "")

def shares():
    forms = ["{p} market share {d} {t}", "{p} share {d} {t}", "market share of {p} {d} {t}",
             "what is {p}'s market share {d} {t}"]
    groups = {"": "", "by region": "t.region", "by specialty": "h.specialty", "by payer channel": "y.channel",
              "by state": "t.state"}
    for i in range(22):
        p = pick(PRODUCTS)
        d = pick(list(groups))
        tp, a, b = pick(PERIODS)
        mk = "nrx" if R.random() < 0.2 else "trx"
        text = pick(forms).format(p=maybe_typo(p), d=d, t=tp).replace("  ", " ")
        if mk == "nrx":
            text = f"{maybe_typo(p)} NRx share {d} {tp}".replace("  ", " ")
        add("share", text, share_sql(p, [], groups[d], mk, a, b))
    add("share", "market share by product in Q4 2025", rx_sql(
        "p.product_id, p.product_name, SUM(r.trx) * 1.0 / SUM(SUM(r.trx)) OVER (PARTITION BY p.market)",
        [rx_period("2025-10-01", "2025-12-31")], " GROUP BY p.product_id, p.product_name, p.market"))
    add("share", "TRx share by product in the Topical NSAID market in 2025", rx_sql(
        "p.product_id, p.product_name, SUM(r.trx) * 1.0 / SUM(SUM(r.trx)) OVER (PARTITION BY p.market)",
        ["p.market = 'Topical NSAID'", rx_period("2025-01-01", "2025-12-31")],
        " GROUP BY p.product_id, p.product_name, p.market"))
    add("share", "monthly Tirosint market share in 2025", rx_sql(
        "CAST(DATE_TRUNC('month', r.week_ending) AS DATE), SUM(CASE WHEN p.product_name = 'Tirosint' THEN r.trx ELSE 0 END)"
        " * 1.0 / SUM(r.trx)", ["p.market = 'Hypothyroidism'", rx_period("2025-01-01", "2025-12-31")], " GROUP BY 1"))

def growths():
    pairs = [("from 2024 to 2025", ("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31")),
             ("from Q3 2025 to Q4 2025", q(2025, 3), q(2025, 4)), ("between 2023 and 2024", ("2023-01-01", "2023-12-31"),
                                                                   ("2024-01-01", "2024-12-31")),
             ("from Q1 2024 to Q1 2025", q(2024, 1), q(2025, 1)),
             ("last quarter", q(2025, 2), q(2025, 3)), ("in 2025", ("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31")),
             ("in Q4 2024", q(2024, 3), q(2024, 4))]
    forms = ["{p} {m} growth {t}", "growth of {p} {m} {t}", "how did {p} {m} change {t}", "{p} {m} growth rate {t}"]
    for i in range(16):
        p, (tp, (a1, b1), (a2, b2)) = pick(PRODUCTS), pick(pairs)
        mk = pick(["trx", "nrx"])
        text = pick(forms).format(p=maybe_typo(p), m=pick(METRICS[mk]), t=tp)
        A = f"SUM(CASE WHEN r.week_ending BETWEEN DATE '{a1}' AND DATE '{b1}' THEN r.{mk} ELSE 0 END)"
        B = f"SUM(CASE WHEN r.week_ending BETWEEN DATE '{a2}' AND DATE '{b2}' THEN r.{mk} ELSE 0 END)"
        add("growth", text, rx_sql(f"{A}, {B}, ({B} - {A}) * 1.0 / {A}", [f"p.product_name = {lit(p)}",
            f"(r.week_ending BETWEEN DATE '{a1}' AND DATE '{b1}' OR r.week_ending BETWEEN DATE '{a2}' AND DATE '{b2}')"]))
    for i in range(9):
        ek = pick(["territory", "region", "specialty", "product"])
        cols = ENT[ek][0]
        p = pick(PRODUCTS)
        tp, (a1, b1), (a2, b2) = pick(pairs[:4])
        A = f"SUM(CASE WHEN r.week_ending BETWEEN DATE '{a1}' AND DATE '{b1}' THEN r.trx ELSE 0 END)"
        B = f"SUM(CASE WHEN r.week_ending BETWEEN DATE '{a2}' AND DATE '{b2}' THEN r.trx ELSE 0 END)"
        where = [f"(r.week_ending BETWEEN DATE '{a1}' AND DATE '{b1}' OR r.week_ending BETWEEN DATE '{a2}' AND DATE '{b2}')"]
        plural = {"territory": "territories", "region": "regions", "specialty": "specialties", "product": "products"}[ek]
        if ek == "product":
            text = f"which {plural} grew TRx most {tp}"
        else:
            where.insert(0, f"p.product_name = {lit(p)}")
            text = f"which {plural} grew {maybe_typo(p)} TRx most {tp}"
        add("growth", text, rx_sql(f"{cols}, {A}, {B}, ({B} - {A}) * 1.0 / NULLIF({A}, 0) AS g", where,
                                   f" GROUP BY {cols}", f" ORDER BY g DESC NULLS LAST, {cols}"), ordered=True)

def comparisons():
    forms = ["{a} vs {b} {m} {t}", "compare {a} and {b} {m} {t}", "{m} for {a} versus {b} {t}",
             "{a} compared to {b} {m} {t}"]
    for i in range(16):
        a, b = R.sample(PRODUCTS, 2)
        mk = pick(list(METRICS))
        tp, s, e = pick(PERIODS)
        text = pick(forms).format(a=maybe_typo(a), b=b, m=pick(METRICS[mk]), t=tp)
        add("comparison", text, rx_sql(f"p.product_name, {AGG[mk]}", [f"p.product_name IN ({lit(a)}, {lit(b)})",
                                       rx_period(s, e)], " GROUP BY p.product_name"))
    for ra, rb in [("West", "Northeast"), ("Midwest", "Southeast")]:
        add("comparison", f"Flector TRx in the {ra} vs the {rb} in 2025", rx_sql("t.region, SUM(r.trx)", [
            f"t.region IN ({lit(ra)}, {lit(rb)})", "p.product_name = 'Flector'", rx_period("2025-01-01", "2025-12-31")],
            " GROUP BY t.region"))
    add("comparison", "In-Person vs Virtual calls in 2025", call_sql("c.channel, COUNT(*)", [
        "c.channel IN ('In-Person', 'Virtual')", call_period("2025-01-01", "2025-12-31")], " GROUP BY c.channel"))
    add("comparison", "Aetna vs Cigna TRx for Synthroid last year", rx_sql("y.payer_name, SUM(r.trx)", [
        "y.payer_name IN ('Aetna', 'Cigna')", "p.product_name = 'Synthroid'", rx_period("2024-01-01", "2024-12-31")],
        " GROUP BY y.payer_name"))

def counts():
    for i in range(12):
        p = pick(PRODUCTS)
        tp, a, b = pick(PERIODS)
        text = pick(["how many writers of {p} {t}", "number of {p} writers {t}", "count of {p} writers {t}",
                     "how many HCPs wrote {p} {t}", "how many prescribers prescribed {p} {t}"]).format(
            p=maybe_typo(p), t=tp)
        add("count", text, rx_sql("COUNT(DISTINCT r.hcp_id)", [f"p.product_name = {lit(p)}", rx_period(a, b)],
                                  joins=("product",)))
    for spec, words in list(SPECIALTIES.items())[:6]:
        w = pick(words)
        if w.startswith("family medicine") or w.startswith("internal medicine"):
            w += " doctors"
        add("count", f"how many {w} wrote Tirosint this year", rx_sql("COUNT(DISTINCT r.hcp_id)", [
            f"h.specialty = {lit(spec)}", "p.product_name = 'Tirosint'", rx_period("2025-01-01", AS_OF)],
            joins=("hcp", "product")))
    for reg in REGIONS:
        add("count", f"number of Flector writers in the {reg} in 2025", rx_sql("COUNT(DISTINCT r.hcp_id)", [
            f"t.region = {lit(reg)}", "p.product_name = 'Flector'", rx_period("2025-01-01", "2025-12-31")],
            joins=("hcp", "territory", "product")))
    add("count", "reach in Q4 2025", call_sql("COUNT(DISTINCT c.hcp_id)", [call_period("2025-10-01", "2025-12-31")]))
    add("count", "how many HCPs were called last quarter", call_sql("COUNT(DISTINCT c.hcp_id)", [
        call_period("2025-07-01", "2025-09-30")]))
    add("count", "reach by region in 2025", call_sql("t.region, COUNT(DISTINCT c.hcp_id)", [
        call_period("2025-01-01", "2025-12-31")], " GROUP BY t.region"))
    add("count", "how many prescribers are there", "SELECT COUNT(*) FROM hcp")
    add("count", "how many endocrinologists are there", "SELECT COUNT(*) FROM hcp WHERE specialty = 'Endocrinology'")
    add("count", "number of HCPs by specialty", "SELECT specialty, COUNT(*) FROM hcp GROUP BY specialty")
    add("count", "how many territories in Texas", "SELECT COUNT(*) FROM territory WHERE state = 'TX'")
    add("count", "how many reps are in the West", "SELECT COUNT(DISTINCT rep_name) FROM territory WHERE region = 'West'")
    add("count", "how many products do we have", "SELECT COUNT(*) FROM product")
    add("count", "number of doctors in the Midwest", "SELECT COUNT(*) FROM hcp h JOIN territory t ON t.territory_id = "
        "h.territory_id WHERE t.region = 'Midwest'")
    add("count", "how many HCPs were called in 2025 by region", "SELECT t.region, COUNT(DISTINCT h.hcp_id) FROM hcp h "
        "JOIN territory t ON t.territory_id = h.territory_id WHERE EXISTS (SELECT 1 FROM call_activity c WHERE "
        "c.hcp_id = h.hcp_id AND c.call_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') GROUP BY t.region")

def hcp_list(where):
    return "SELECT h.hcp_id, h.full_name FROM hcp h JOIN territory t ON t.territory_id = h.territory_id WHERE " + \
        " AND ".join(where)

def calls_exists(a, b, neg=False, extra=""):
    return (("NOT " if neg else "") + "EXISTS (SELECT 1 FROM call_activity c WHERE c.hcp_id = h.hcp_id"
            + (f" AND c.call_date BETWEEN DATE '{a}' AND DATE '{b}'" if a else "") + extra + ")")

def rx_exists(p, a, b, neg=False):
    return (("NOT " if neg else "") + "EXISTS (SELECT 1 FROM rx_weekly r JOIN product p ON p.product_id = r.product_id"
            f" WHERE r.hcp_id = h.hcp_id AND p.product_name = {lit(p)}"
            + (f" AND r.week_ending BETWEEN DATE '{a}' AND DATE '{b}'" if a else "") + ")")

def negations():
    forms = ["{h} called {t} who wrote no {p}", "{h} visited {t} that did not write {p}",
             "which {h} were called {t} but didn't prescribe {p}", "{h} called {t} without any {p} prescriptions"]
    for i in range(12):
        p = pick(PROMOTED + ["Synthroid"])
        tp, a, b = pick([x for x in PERIODS if x[0] in ("in Q4 2024", "last quarter", "in 2025", "this year",
                                                          "in q1 2025")])
        text = pick(forms).format(h=pick(["HCPs", "prescribers", "doctors", "physicians"]), t=tp, p=maybe_typo(p))
        add("negation", text, hcp_list([calls_exists(a, b), rx_exists(p, a, b, True)]))
    add("negation", "HCPs never called", hcp_list([calls_exists(None, None, True)]))
    add("negation", "prescribers who were never visited", hcp_list([calls_exists(None, None, True)]))
    add("negation", "endocrinologists in the West not called in 2025", hcp_list([
        "h.specialty = 'Endocrinology'", "t.region = 'West'", calls_exists("2025-01-01", "2025-12-31", True)]))
    add("negation", "Tirosint writers in Q4 2025 who were not called in Q4 2025", hcp_list([
        rx_exists("Tirosint", "2025-10-01", "2025-12-31"), calls_exists("2025-10-01", "2025-12-31", True)]))
    add("negation", "HCPs who wrote Flector in 2025 but were never called in 2025", hcp_list([
        rx_exists("Flector", "2025-01-01", "2025-12-31"), calls_exists("2025-01-01", "2025-12-31", True)]))
    add("negation", "how many HCPs were called in Q4 2024 but wrote no Tirosint", "SELECT COUNT(*) FROM hcp h WHERE "
        + calls_exists("2024-10-01", "2024-12-31") + " AND " + rx_exists("Tirosint", "2024-10-01", "2024-12-31", True))
    add("negation", "rheumatologists who wrote no Licart in 2025", hcp_list([
        "h.specialty = 'Rheumatology'", rx_exists("Licart", "2025-01-01", "2025-12-31", True)]))
    add("negation", "HCPs in Texas who wrote Licart in 2025", hcp_list([
        "t.state = 'TX'", rx_exists("Licart", "2025-01-01", "2025-12-31")]))

def lists():
    for reg in REGIONS:
        add("list", pick(["list the reps in the {r}", "who are the reps in the {r}", "reps in the {r} region",
                          "show all sales reps in the {r}"]).format(r=reg),
            f"SELECT DISTINCT rep_name FROM territory WHERE region = {lit(reg)}")
        add("list", pick(["list territories in the {r}", "which territories are in the {r}", "territories in {r}"])
            .format(r=reg), f"SELECT territory_id, territory_name FROM territory WHERE region = {lit(reg)}")
    for code, name in list(STATES.items()):
        add("list", f"list the territories in {name}", f"SELECT territory_id, territory_name FROM territory "
            f"WHERE state = {lit(code)}")
    add("list", "list all products", "SELECT product_id, product_name FROM product")
    add("list", "list the products in the Hypothyroidism market", "SELECT product_id, product_name FROM product "
        "WHERE market = 'Hypothyroidism'")
    add("list", "which products are promoted", "SELECT product_id, product_name FROM product WHERE is_promoted")
    add("list", "list our promoted brands", "SELECT product_id, product_name FROM product WHERE is_promoted")
    add("list", "list the payers", "SELECT payer_id, payer_name FROM payer")
    add("list", "which payers are in the Commercial channel", "SELECT payer_id, payer_name FROM payer "
        "WHERE channel = 'Commercial'")
    add("list", "list specialties", "SELECT DISTINCT specialty FROM hcp")
    add("list", "list all regions", "SELECT DISTINCT region FROM territory")
    add("list", "list the manufacturers", "SELECT DISTINCT manufacturer FROM product")
    add("list", "products made by Pfizer", "SELECT product_id, product_name FROM product WHERE manufacturer = 'Pfizer'")
    add("list", "list endocrinologists in Boston", "SELECT h.hcp_id, h.full_name FROM hcp h JOIN territory t ON "
        "t.territory_id = h.territory_id WHERE h.specialty = 'Endocrinology' AND t.territory_name = 'Boston'")
    add("list", "list decile 10 HCPs in the West", "SELECT h.hcp_id, h.full_name FROM hcp h JOIN territory t ON "
        "t.territory_id = h.territory_id WHERE h.decile = 10 AND t.region = 'West'")
    add("list", "which HCPs wrote Tirosint-SOL in Q4 2025", "SELECT h.hcp_id, h.full_name FROM hcp h WHERE "
        + rx_exists("Tirosint-SOL", "2025-10-01", "2025-12-31"))

REFUSALS = [
    ("how many patients are on Tirosint", "patients"), ("patient count by region in 2025", "patients"),
    ("average patient age for Synthroid", "patients"), ("which patients switched from Synthroid to Tirosint", "patients"),
    ("top 10 patients by TRx", "patients"), ("what is the weather in Boston", "weather"),
    ("will it rain in Chicago tomorrow", "weather"), ("show me rep salaries", "salaries"),
    ("what is the average salary of reps in the West", "salaries"), ("rep compensation by region", "salaries"),
    ("forecast Tirosint TRx for 2026", "forecast"), ("predict NRx for Flector next quarter", "forecast"),
    ("what will TRx be next year", "forecast"), ("projected market share of Tirosint", "forecast"),
    ("Tirosint TRx next month", "forecast"), ("asdf qwerty", "gibberish"), ("lorem ipsum dolor sit amet", "gibberish"),
    ("blorp zink fribble", "gibberish"), ("xkcd 927", "gibberish"), ("hello", "gibberish"), ("tell me a joke", "gibberish"),
    ("TRx for Humira in 2025", "unknown product"), ("Ozempic market share", "unknown product"),
    ("top prescribers of Zestril", "unknown product"), ("NRx for Lipitor last quarter", "unknown product"),
    ("Jardiance vs Tirosint TRx in 2025", "unknown product"), ("monthly trend for Eliquis", "unknown product"),
    ("Tirosint TRx in 2021", "no data"), ("Tirosint TRx in 2022", "no data"), ("Flector NRx in 2026", "no data"),
    ("top 10 prescribers in Q1 2026", "no data"), ("TRx by region in 2019", "no data"),
    ("TRx since 2020", "no data"), ("Synthroid TRx between 2021 and 2022", "no data"),
    ("Tirosint TRx over the last 200 weeks", "no data"), ("growth of Tirosint TRx from 2022 to 2023", "no data"),
    ("what is the price of Synthroid", "not in model"), ("Tirosint revenue by region", "not in model"),
    ("net sales of Flector in 2025", "not in model"), ("how many employees do we have", "not in model"),
    ("TRx by age group", "not in model"), ("TRx by zip code for Tirosint", "not in model"),
    ("top 10 hospitals by TRx", "not in model"), ("adverse events for Tirosint", "not in model"),
    ("gross to net for Licart", "not in model"), ("samples dropped by rep in 2025", "not in model"),
    ("delete all HCPs", "not in model"), ("drop table hcp", "not in model"),
    ("Tirosint TRx in Germany", "not in model"), ("top prescribers in Canada", "not in model"),
    ("calls per rep per day", "not in model"), ("which doctors have the best ratings", "not in model"),
    ("copay for Tirosint at Aetna", "not in model"), ("email the Tirosint report to my manager", "not in model"),
    ("TRx for Tirosint with more than 100 scripts", "not understood"), ("what is the best time to call doctors", "not in model"),
    ("Tirosint", "not understood"), ("what is the ROI of calls", "not in model"),
]

def by_hand():
    """Phrasings first met outside the generated templates; kept as regressions."""
    A = lambda a, b: f"SUM(CASE WHEN r.week_ending BETWEEN DATE '{a}' AND DATE '{b}' THEN r.trx ELSE 0 END)"
    g = lambda a1, b1, a2, b2: f"{A(a1, b1)}, {A(a2, b2)}, ({A(a2, b2)} - {A(a1, b1)}) * 1.0 / {A(a1, b1)}"
    # two periods named with no change word: side by side, one row with a column for each period, no growth
    side = lambda product, *periods: rx_sql(", ".join(f"SUM(CASE WHEN {rx_period(a, b)} THEN r.trx ELSE 0 END)"
        for label, a, b in periods), [f"p.product_name = '{product}'"], joins=("product",))
    add("comparison", "Tirosint TRx Q4 2024 vs Q4 2025", side("Tirosint", ("Q4 2024", "2024-10-01", "2024-12-31"),
        ("Q4 2025", "2025-10-01", "2025-12-31")))
    add("growth", "Licart TRx YoY growth", rx_sql(g("2024-01-01", "2024-12-26", "2025-01-01", "2025-12-26"),
        ["p.product_name = 'Licart'"], joins=("product",)))
    add("comparison", "Tirosint TRx 2024 and 2025", side("Tirosint", ("2024", "2024-01-01", "2024-12-31"),
        ("2025", "2025-01-01", "2025-12-31")))
    add("negation", "HCPs who prescribed Synthroid but not Tirosint in 2025", hcp_list([
        rx_exists("Synthroid", "2025-01-01", "2025-12-31"), rx_exists("Tirosint", "2025-01-01", "2025-12-31", True)]))
    add("count", "Which region has the most endocrinologists?", "SELECT t.region, COUNT(*) AS n FROM hcp h JOIN territory t "
        "ON t.territory_id = h.territory_id WHERE h.specialty = 'Endocrinology' GROUP BY t.region ORDER BY n DESC, "
        "t.region LIMIT 1", True)
    add("count", "number of endocrinologists by region", "SELECT t.region, COUNT(*) FROM hcp h JOIN territory t ON "
        "t.territory_id = h.territory_id WHERE h.specialty = 'Endocrinology' GROUP BY t.region")
    add("count", "which specialty has the fewest HCPs", "SELECT specialty, COUNT(*) AS n FROM hcp GROUP BY specialty "
        "ORDER BY n ASC, specialty LIMIT 1", True)
    add("count", "How many unique HCPs were detailed on Flector in 2025?", call_sql("COUNT(DISTINCT c.hcp_id)", [
        "p.product_name = 'Flector'", call_period("2025-01-01", "2025-12-31")]))
    add("ranking", "Which 5 territories had the lowest NRx for Tirosint in 2025?", rx_sql(
        "t.territory_id, t.territory_name, SUM(r.nrx) AS v", ["p.product_name = 'Tirosint'",
        rx_period("2025-01-01", "2025-12-31")], " GROUP BY t.territory_id, t.territory_name",
        " ORDER BY v ASC, t.territory_id, t.territory_name LIMIT 5"), True)
    add("ranking", "Who are my top 20 Flector writers YTD?", rx_sql("h.hcp_id, h.full_name, SUM(r.trx) AS v", [
        "p.product_name = 'Flector'", rx_period("2025-01-01", AS_OF)], " GROUP BY h.hcp_id, h.full_name",
        " ORDER BY v DESC, h.hcp_id, h.full_name LIMIT 20"), True)
    add("breakdown", "How many calls did each rep make last quarter?", call_sql("t.rep_name, COUNT(*)", [
        call_period("2025-07-01", "2025-09-30")], " GROUP BY t.rep_name"))
    add("trend", "Calls on endocrinologists by month in 2025", call_sql(
        "CAST(DATE_TRUNC('month', c.call_date) AS DATE), COUNT(*)", ["h.specialty = 'Endocrinology'",
        call_period("2025-01-01", "2025-12-31")], " GROUP BY 1", " ORDER BY 1"), True)
    refuse("Tirosint new-to-brand scripts by region", "new to brand (NBRx) is not NRx and the data do not hold it")
    add("total", "Tirosint TRx from January to March 2025", rx_sql("SUM(r.trx)", ["p.product_name = 'Tirosint'",
        rx_period("2025-01-01", "2025-03-31")]))
    # members set against each other beside another grouping are a column each (as independent writers put them)
    add("breakdown", "Email calls vs in-person calls by region in 2025", call_sql("t.region, SUM(CASE WHEN c.channel ="
        " 'Email' THEN 1 ELSE 0 END), SUM(CASE WHEN c.channel = 'In-Person' THEN 1 ELSE 0 END)", [
        call_period("2025-01-01", "2025-12-31")], " GROUP BY t.region"))
    add("total", "show me NRX for tirosint in teh west in 2025", rx_sql("SUM(r.nrx)", ["p.product_name = 'Tirosint'",
        "t.region = 'West'", rx_period("2025-01-01", "2025-12-31")]))
    add("share", "What's Tirosint's share of the hypothyroidism market in 2025?", share_sql("Tirosint", [], "", "trx",
        "2025-01-01", "2025-12-31"))
    add("total", "How many calls did Kevin Williams make in 2025", call_sql("COUNT(*)", [
        "t.rep_name = 'Kevin Williams'", call_period("2025-01-01", "2025-12-31")]))
    add("multi-fact", "TRx and calls by territory in 2025", "SELECT a.territory_id, a.territory_name, a.trx, b.calls FROM "
        "(SELECT t.territory_id, t.territory_name, SUM(r.trx) AS trx FROM rx_weekly r JOIN hcp h ON h.hcp_id = r.hcp_id "
        "JOIN territory t ON t.territory_id = h.territory_id WHERE " + rx_period("2025-01-01", "2025-12-31") +
        " GROUP BY 1, 2) a JOIN (SELECT t.territory_id, COUNT(*) AS calls FROM call_activity c JOIN territory t ON "
        "t.territory_id = c.territory_id WHERE " + call_period("2025-01-01", "2025-12-31") + " GROUP BY 1) b "
        "ON a.territory_id = b.territory_id")
    add("multi-fact", "Tirosint TRx and calls in 2025", "SELECT (SELECT SUM(r.trx) FROM rx_weekly r JOIN product p ON "
        "p.product_id = r.product_id WHERE p.product_name = 'Tirosint' AND " + rx_period("2025-01-01", "2025-12-31") +
        "), (SELECT COUNT(*) FROM call_activity c JOIN product p ON p.product_id = c.product_id WHERE "
        "p.product_name = 'Tirosint' AND " + call_period("2025-01-01", "2025-12-31") + ")")
    refuse("TRx and calls by payer in 2025", "payer does not apply to calls")
    refuse("TRx for Tirosint in FY2025", "no fiscal calendar")
    add("restricted", "Tirosint TRx from HCPs not called in 2025", rx_sql("SUM(r.trx)", ["p.product_name = 'Tirosint'",
        rx_period("2025-01-01", "2025-12-31"), calls_exists("2025-01-01", "2025-12-31", True)]))
    add("restricted", "TRx of HCPs never called by region in 2025", rx_sql("t.region, SUM(r.trx)", [
        rx_period("2025-01-01", "2025-12-31"), calls_exists("2025-01-01", "2025-12-31", True)], " GROUP BY t.region"))
    add("restricted", "Flector NRx from prescribers called about Flector in Q4 2025", rx_sql("SUM(r.nrx)", [
        "p.product_name = 'Flector'", rx_period("2025-10-01", "2025-12-31"), "EXISTS (SELECT 1 FROM call_activity c "
        "JOIN product cp ON cp.product_id = c.product_id WHERE c.hcp_id = h.hcp_id AND cp.product_name = 'Flector' AND "
        + call_period("2025-10-01", "2025-12-31") + ")"]))
    add("ranking", "which month had the highest Tirosint TRx in 2025", rx_sql(
        "CAST(DATE_TRUNC('month', r.week_ending) AS DATE) AS m, SUM(r.trx) AS v", ["p.product_name = 'Tirosint'",
        rx_period("2025-01-01", "2025-12-31")], " GROUP BY 1", " ORDER BY v DESC, m LIMIT 1"), True)
    add("comparison", "Synthroid TRx in Q4 2025 compared with Q3 2025", side("Synthroid", ("Q3 2025", "2025-07-01",
        "2025-09-30"), ("Q4 2025", "2025-10-01", "2025-12-31")))
    add("ranking", "calls by rep last quater", call_sql("t.rep_name, COUNT(*)", [call_period("2025-07-01", "2025-09-30")],
        " GROUP BY t.rep_name"))
    add("total", "tirosint nrx last 12 wks", rx_sql("SUM(r.nrx)", ["p.product_name = 'Tirosint'",
        rx_period("2025-10-04", AS_OF)]))
    add("list", "West reps", "SELECT DISTINCT rep_name FROM territory WHERE region = 'West'")
    add("total", "TRx for levothyroxine molecule in 2025", rx_sql("SUM(r.trx)", ["p.molecule = 'levothyroxine'",
        rx_period("2025-01-01", "2025-12-31")]))
    add("share", "what share of Tirosint TRx comes from Medicare", rx_sql("SUM(CASE WHEN y.channel = 'Medicare Part D'"
        " THEN r.trx ELSE 0 END) * 1.0 / SUM(r.trx)", ["p.product_name = 'Tirosint'"]))
    for text, why in [("top decile HCPs for Tirosint", "ambiguous"), ("Total TRx of promoted products vs competitor "
                      "products in 2025", "not supported"), ("Best performing territory for Tirosint in 2025", "not understood"),
                      ("top product by TRx in each region", "not supported")]:
        refuse(text, why)

def target_exists(product, extra=""):
    return ("EXISTS (SELECT 1 FROM hcp_target ht JOIN product tp ON tp.product_id = ht.product_id WHERE "
            f"ht.hcp_id = h.hcp_id AND tp.product_name = {lit(product)}" + extra + ")")

def formulary_payers(product, cond, count=False):
    sel = "COUNT(*)" if count else "y.payer_id, y.payer_name"
    return (f"SELECT {sel} FROM payer y WHERE EXISTS (SELECT 1 FROM formulary f JOIN product fp ON "
            f"fp.product_id = f.product_id WHERE f.payer_id = y.payer_id AND fp.product_name = {lit(product)}"
            + (" AND " + cond if cond else "") + ")")

COVERED = "f.status IN ('Preferred', 'Covered')"

def partner():
    """The BOAST partner's tables: targeting list (hcp_target) and formulary status by payer (formulary). They are
    lists in effect, not activities: a question's period restricts the prescriptions, not the list."""
    targets = "SELECT COUNT(DISTINCT ht.hcp_id) FROM hcp_target ht JOIN product p ON p.product_id = ht.product_id"
    add("count", "how many tier A targets for Tirosint", targets + " WHERE ht.tier = 'A' AND p.product_name = 'Tirosint'")
    add("count", "number of targets for Flector", targets + " WHERE p.product_name = 'Flector'")
    add("count", "how many targeted HCPs for Tirosint", targets + " WHERE p.product_name = 'Tirosint'")
    add("count", "how many hcps are targeted for Flector", targets + " WHERE p.product_name = 'Flector'")
    add("breakdown", "targets by tier for Tirosint", targets.replace("SELECT ", "SELECT ht.tier, ")
        + " WHERE p.product_name = 'Tirosint' GROUP BY ht.tier")
    add("breakdown", "number of targets by product", targets.replace("SELECT ", "SELECT p.product_id, p.product_name, ")
        + " GROUP BY p.product_id, p.product_name")
    add("breakdown", "Flector targets by region", "SELECT t.region, COUNT(DISTINCT ht.hcp_id) FROM hcp_target ht JOIN "
        "product p ON p.product_id = ht.product_id JOIN hcp h ON h.hcp_id = ht.hcp_id JOIN territory t ON "
        "t.territory_id = h.territory_id WHERE p.product_name = 'Flector' GROUP BY t.region")
    add("breakdown", "tier B targets for tirosint by specialty", "SELECT h.specialty, COUNT(DISTINCT ht.hcp_id) FROM "
        "hcp_target ht JOIN product p ON p.product_id = ht.product_id JOIN hcp h ON h.hcp_id = ht.hcp_id WHERE "
        "ht.tier = 'B' AND p.product_name = 'Tirosint' GROUP BY h.specialty")
    add("list", "list targeted hcps for Flector in tier A", hcp_list(["1 = 1", target_exists("Flector", " AND ht.tier = 'A'")]))
    add("list", "Tirosint tier A hcps in the West", hcp_list(["t.region = 'West'",
        target_exists("Tirosint", " AND ht.tier = 'A'")]))
    add("count", "how many endocrinologists are targeted for Tirosint", "SELECT COUNT(*) FROM hcp h WHERE "
        "h.specialty = 'Endocrinology' AND " + target_exists("Tirosint"))
    add("restricted", "Tirosint TRx from targeted HCPs in 2025", rx_sql("SUM(r.trx)", ["p.product_name = 'Tirosint'",
        rx_period("2025-01-01", "2025-12-31"), target_exists("Tirosint")]))
    add("restricted", "Flector NRx from targeted prescribers in Q4 2025", rx_sql("SUM(r.nrx)", [
        "p.product_name = 'Flector'", rx_period("2025-10-01", "2025-12-31"), target_exists("Flector")]))
    add("list", "list payers with Flector not covered", formulary_payers("Flector", "f.status = 'Not Covered'"))
    add("list", "payers where Tirosint is preferred", formulary_payers("Tirosint", "f.status = 'Preferred'"))
    add("list", "which payers have Licart excluded", formulary_payers("Licart", "f.status = 'Not Covered'"))
    add("count", "how many payers cover Licart", formulary_payers("Licart", COVERED, True))
    add("list", "payers covering Flector", formulary_payers("Flector", COVERED))
    add("list", "payers where Synthroid is covered", formulary_payers("Synthroid", COVERED))
    add("count", "number of payers that cover Tirosint-SOL", formulary_payers("Tirosint-SOL", COVERED, True))
    add("list", "which payers require prior authorization for Tirosint", formulary_payers("Tirosint", "f.prior_auth"))
    add("count", "how many payers require prior auth for Flector", formulary_payers("Flector", "f.prior_auth", True))
    add("list", "products covered by Aetna", "SELECT p.product_id, p.product_name FROM product p WHERE EXISTS (SELECT "
        "1 FROM formulary f JOIN payer y ON y.payer_id = f.payer_id WHERE f.product_id = p.product_id AND "
        "y.payer_name = 'Aetna' AND " + COVERED + ")")
    add("count", "how many products does Cigna cover", "SELECT COUNT(*) FROM product p WHERE EXISTS (SELECT 1 FROM "
        "formulary f JOIN payer y ON y.payer_id = f.payer_id WHERE f.product_id = p.product_id AND "
        "y.payer_name = 'Cigna' AND " + COVERED + ")")
    add("list", "Medicare Part D payers with Tirosint not covered", "SELECT y.payer_id, y.payer_name FROM payer y WHERE "
        "y.channel = 'Medicare Part D' AND EXISTS (SELECT 1 FROM formulary f JOIN product fp ON fp.product_id = "
        "f.product_id WHERE f.payer_id = y.payer_id AND fp.product_name = 'Tirosint' AND f.status = 'Not Covered')")
    add("count", "formulary entries by status", "SELECT status, COUNT(*) FROM formulary GROUP BY status")
    add("count", "number of formulary entries for Flector by status", "SELECT f.status, COUNT(*) FROM formulary f JOIN "
        "product p ON p.product_id = f.product_id WHERE p.product_name = 'Flector' GROUP BY f.status")
    add("list", "hcps targeted for Flector with Flector prescriptions in 2025", hcp_list([target_exists("Flector"),
        rx_exists("Flector", "2025-01-01", "2025-12-31")]))
    # a list of a distinct count's members lists the members (once a refusal: "a list asked of a single figure")
    add("list", "list tier A targets", hcp_list(["EXISTS (SELECT 1 FROM hcp_target ht WHERE ht.hcp_id = h.hcp_id"
        " AND ht.tier = 'A')"]))
    for text, why in [("payers that do not cover Flector", "negation of one formulary row is ambiguous"),
                      ("HCPs targeted for Tirosint called in 2025", "Tirosint may belong to the targeting or the calls"),
                      ("formulary status of Tirosint by payer", "a status per payer is not a measure"),
                      ("which targets are tier D", "no such tier"),
                      ("how many patients are on the target list", "no patients"),
                      ("how many targets in 2025", "the targeting list has no time to filter by"),
                      ("tier A share of Tirosint targets", "a distinct count is no share of a whole"),
                      ("payers covering Flector in 2025", "the formulary has no time to apply the period to")]:
        refuse(text, why)

def main():
    totals(); breakdowns(); rankings(); trends(); shares(); growths(); comparisons(); counts(); negations(); lists()
    by_hand()
    for text, why in REFUSALS:
        refuse(text, why)
    partner()
    import sys
    import general_questions
    general_questions.general(sys.modules[__name__])
    import general_shapes
    general_shapes.shapes(sys.modules[__name__])
    import yaml
    items = []
    n = {"answer": 0, "refuse": 0}
    for item in OUT:
        kind = "refuse" if item["shape"] == "refuse" else "answer"
        n[kind] += 1
        entry = {"id": ("r" if kind == "refuse" else "q") + str(n[kind]).zfill(3), "shape": item["shape"],
                 "question": item["question"]}
        if kind == "refuse":
            entry["refuse"] = item["refuse"]
        else:
            entry["ordered"] = item["ordered"]
            entry["sql"] = item["sql"]
        items.append(entry)
    with open("eval/questions.yaml", "w") as f:
        f.write("# Development set of the semantic engine: generated by eval/make_questions.py (do not edit by hand).\n")
        f.write("# Gold SQL runs on the demo warehouse (any tenant schema, bound by search_path); 'ordered' results are\n")
        f.write("# compared in order, the others as multisets of rows. 'refuse' items must get 422 UNANSWERABLE.\n")
        yaml.safe_dump(items, f, sort_keys=False, width=200, allow_unicode=True)
    print(n)

main()
