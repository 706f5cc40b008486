"""Question shapes the engine compiles beyond the earlier sets, written afresh (own wording, other entities).

Each function adds items through the generator's own helpers (passed in as `q`), after general_questions' items,
so the ids of the earlier items do not move. Gold SQL follows ../../shared/warehouse-schema.md: a prescription of a
product meets the targeting row of its HCP for that same product, and the formulary row of its payer for that same
product (the eval fills both partner tables, see eval/README.md).
"""

def shapes(q):
    partner_rows_of_an_activity(q)
    members_without_it(q)
    thresholds(q)
    growth_series(q)
    segment_of_a_member(q)
    language_of_session_8(q)
    pivots(q)
    answer_forms(q)

def partner_rows_of_an_activity(q):
    """TRx or calls restricted or grouped by the partner row that matches them on two keys (HCP or payer, product)."""
    target = " JOIN hcp_target ht ON ht.hcp_id = r.hcp_id AND ht.product_id = r.product_id"
    formulary = " JOIN formulary f ON f.payer_id = r.payer_id AND f.product_id = r.product_id"
    q.add("breakdown", "Flector TRx by target tier in Q2 2025", q.rx_sql("ht.tier, SUM(r.trx)", [
        "p.product_name = 'Flector'", q.rx_period("2025-04-01", "2025-06-30")], " GROUP BY ht.tier",
        joins=("product",)).replace(" FROM rx_weekly r", " FROM rx_weekly r" + target))
    q.add("breakdown", "Cytomel new scripts in 2024 by formulary status", q.rx_sql("f.status, SUM(r.nrx)", [
        "p.product_name = 'Cytomel'", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY f.status",
        joins=("product",)).replace(" FROM rx_weekly r", " FROM rx_weekly r" + formulary))
    q.add("restricted", "Unithroid TRx in 2025 from payers where Unithroid is Preferred", q.rx_sql("SUM(r.trx)", [
        "p.product_name = 'Unithroid'", "f.status = 'Preferred'", q.rx_period("2025-01-01", "2025-12-31")],
        joins=("product",)).replace(" FROM rx_weekly r", " FROM rx_weekly r" + formulary))
    q.add("breakdown", "Topical NSAID units in Q1 2025 split by prior authorization", q.rx_sql(
        "f.prior_auth, SUM(r.units)", ["p.market = 'Topical NSAID'", q.rx_period("2025-01-01", "2025-03-31")],
        " GROUP BY f.prior_auth", joins=("product",)).replace(" FROM rx_weekly r", " FROM rx_weekly r" + formulary))
    q.add("breakdown", "Flector calls by target tier in 2024", "SELECT ht.tier, COUNT(*) FROM call_activity c"
        " JOIN hcp_target ht ON ht.hcp_id = c.hcp_id AND ht.product_id = c.product_id JOIN product p ON"
        " p.product_id = c.product_id WHERE p.product_name = 'Flector' AND " + q.call_period("2024-01-01",
        "2024-12-31") + " GROUP BY ht.tier")

def members_without_it(q):
    """"territories with no X TRx in a period": the members that have none of it (NOT EXISTS from the members'
    own table), never the others' measure grouped by member."""
    q.add("negation", "which territories had no Armour Thyroid TRx in November 2025", "SELECT t.territory_id,"
        " t.territory_name FROM territory t WHERE NOT EXISTS (SELECT 1 FROM rx_weekly r JOIN hcp h ON h.hcp_id ="
        " r.hcp_id JOIN product p ON p.product_id = r.product_id WHERE h.territory_id = t.territory_id AND"
        " p.product_name = 'Armour Thyroid' AND " + q.rx_period("2025-11-01", "2025-11-30") + ")")
    q.add("count", "how many Denver HCPs had no Tirosint-SOL scripts in Q3 2025", "SELECT COUNT(*) FROM hcp h"
        " JOIN territory t ON t.territory_id = h.territory_id WHERE t.territory_name = 'Denver' AND NOT EXISTS"
        " (SELECT 1 FROM rx_weekly r JOIN product p ON p.product_id = r.product_id WHERE r.hcp_id = h.hcp_id AND"
        " p.product_name = 'Tirosint-SOL' AND " + q.rx_period("2025-07-01", "2025-09-30") + ")")
    q.add("negation", "territories with zero Flector calls in October 2025", "SELECT t.territory_id,"
        " t.territory_name FROM territory t WHERE NOT EXISTS (SELECT 1 FROM call_activity c JOIN product p ON"
        " p.product_id = c.product_id WHERE c.territory_id = t.territory_id AND p.product_name = 'Flector' AND "
        + q.call_period("2025-10-01", "2025-10-31") + ")")

def thresholds(q):
    """A number compared with ("more than 25", "at least 8", "under 150", "12 or more", "topped 2,000") keeps the members
    whose own total passes it: counted when the question counts them (one number), else listed with the total."""
    def kept(inner, cond):
        return "SELECT COUNT(*) FROM (" + inner + " HAVING " + cond + ") s"
    q.add("count", "how many prescribers wrote more than 25 Euthyrox scripts in 2025", kept(q.rx_sql("h.hcp_id", [
        "p.product_name = 'Euthyrox'", q.rx_period("2025-01-01", "2025-12-31")], " GROUP BY h.hcp_id"), "SUM(r.trx) > 25"))
    q.add("count", "number of doctors with at least 8 Flector calls in 2024", kept(q.call_sql("h.hcp_id", [
        "p.product_name = 'Flector'", q.call_period("2024-01-01", "2024-12-31")], " GROUP BY h.hcp_id"), "COUNT(*) >= 8"))
    q.add("list", "payers with under 150 Levoxyl NRx in H1 2025", q.rx_sql("y.payer_id, y.payer_name, SUM(r.nrx)", [
        "p.product_name = 'Levoxyl'", q.rx_period("2025-01-01", "2025-06-30")], " GROUP BY y.payer_id, y.payer_name"
        " HAVING SUM(r.nrx) < 150"))
    q.add("list", "which reps logged 12 or more virtual calls in March 2025", q.call_sql("t.rep_name, COUNT(*)", [
        "c.channel = 'Virtual'", q.call_period("2025-03-01", "2025-03-31")], " GROUP BY t.rep_name"
        " HAVING COUNT(*) >= 12"))
    q.add("list", "territories that topped 1,000 Synthroid TRx in 2024", q.rx_sql(
        "t.territory_id, t.territory_name, SUM(r.trx)", ["p.product_name = 'Synthroid'",
        q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY t.territory_id, t.territory_name HAVING SUM(r.trx) > 1000"))
    q.add("count", "how many HCPs were visited 6 times or more in Q3 2025", kept(q.call_sql("h.hcp_id", [
        q.call_period("2025-07-01", "2025-09-30")], " GROUP BY h.hcp_id"), "COUNT(*) >= 6"))

def growth_series(q):
    """Month-over-month, quarter-over-quarter, week-over-week growth of each period of a span, with LAG within the
    span, as analysts write it (the first period has no growth); weeks are the data's own week_ending."""
    def series(grain, measure, where, first, before, to, by=""):
        label = "r.week_ending" if grain == "week" else f"CAST(DATE_TRUNC('{grain}', r.week_ending) AS DATE)"
        part = f" PARTITION BY {by.split('.')[-1]}" if by else ""
        lag = f"LAG(v) OVER ({part.strip()} ORDER BY d)".replace("( ", "(")
        inner = q.rx_sql(f"{label} AS d{', ' + by if by else ''}, {measure} AS v", where + [q.rx_period(first, to)],
            f" GROUP BY {label}{', ' + by if by else ''}")
        cols = f"d{', ' + by.split('.')[-1] if by else ''}"
        return (f"SELECT {cols}, v, g FROM (SELECT *, (v - {lag}) * 1.0 / {lag} AS g FROM ({inner}) m) s"
                f" WHERE d >= DATE '{first}'")
    q.add("growth", "MoM Levoxyl NRx growth in 2024", series("month", "SUM(r.nrx)", ["p.product_name = 'Levoxyl'"],
        "2024-01-01", "2023-12-01", "2024-12-31"), ordered=True)
    q.add("growth", "quarter over quarter Flector units growth over the last 12 months", series("quarter",
        "SUM(r.units)", ["p.product_name = 'Flector'"], "2025-01-01", "2024-10-01", "2025-12-31"), ordered=True)
    q.add("growth", "week over week Cytomel TRx change for the last 6 weeks", series("week", "SUM(r.trx)",
        ["p.product_name = 'Cytomel'"], "2025-11-15", "2025-11-08", "2025-12-26"), ordered=True)
    q.add("growth", "monthly growth of Synthroid TRx by region in H2 2025", series("month", "SUM(r.trx)",
        ["p.product_name = 'Synthroid'"], "2025-07-01", "2025-06-01", "2025-12-31", by="t.region"))

def segment_of_a_member(q):
    """"share of Licart TRx from Medicaid", "fraction of Cytomel NRx written by deciles 9-10": the segment's part of
    the member's own measure (the member stays a filter), never the member's share of its market in the segment."""
    q.add("share", "what share of Licart TRx in 2024 came from Medicaid plans", q.rx_sql(
        "SUM(CASE WHEN y.channel = 'Medicaid' THEN r.trx ELSE 0 END) * 1.0 / SUM(r.trx)", ["p.product_name = 'Licart'",
        q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("share", "fraction of Cytomel NRx in H1 2025 written by decile 9-10 doctors", q.rx_sql(
        "SUM(CASE WHEN h.decile BETWEEN 9 AND 10 THEN r.nrx ELSE 0 END) * 1.0 / SUM(r.nrx)", [
        "p.product_name = 'Cytomel'", q.rx_period("2025-01-01", "2025-06-30")]))

def language_of_session_8(q):
    """Classes of language met on the fresh blind set D3, each written afresh with other wording and entities: a slash
    between two measures is their ratio; an average per a dimension's member (per rep) is the mean of each member's
    measure; the mean of a call's own column per a table groups it; listed or ranged years with a grain are one
    series; two periods set side by side are a column each; "each of our promoted brands" groups by product; the
    superlative of an activity's verb ranks by it; "top N <value>" ranks the members the value describes."""
    q.add("ratio", "Licart NRx/TRx in H1 2025", q.rx_sql("SUM(r.nrx) * 1.0 / SUM(r.trx)", [
        "p.product_name = 'Licart'", q.rx_period("2025-01-01", "2025-06-30")], joins=("product",)))
    q.add("average", "average phone calls per rep in Q2 2025", "SELECT AVG(n) FROM (" + q.call_sql(
        "t.rep_name, COUNT(*) AS n", ["c.channel = 'Phone'", q.call_period("2025-04-01", "2025-06-30")],
        " GROUP BY t.rep_name") + ") s")
    q.add("average", "mean in-person visit duration for each region in 2024", q.call_sql(
        "t.region, AVG(c.duration_min)", ["c.channel = 'In-Person'", q.call_period("2024-01-01", "2024-12-31")],
        " GROUP BY t.region"))
    q.add("trend", "Synthroid units by quarter for 2023 and 2024", q.rx_sql(
        "CAST(DATE_TRUNC('quarter', r.week_ending) AS DATE), SUM(r.units)", ["p.product_name = 'Synthroid'",
        q.rx_period("2023-01-01", "2024-12-31")], " GROUP BY 1", " ORDER BY 1", joins=("product",)), ordered=True)
    q.add("comparison", "Cytomel NRx in Q2 2025 next to Q3 2025", q.rx_sql(
        "SUM(CASE WHEN " + q.rx_period("2025-04-01", "2025-06-30") + " THEN r.nrx ELSE 0 END), SUM(CASE WHEN "
        + q.rx_period("2025-07-01", "2025-09-30") + " THEN r.nrx ELSE 0 END)", ["p.product_name = 'Cytomel'"],
        joins=("product",)))
    q.add("breakdown", "units for each of our promoted brands in Q1 2024", q.rx_sql("p.product_name, SUM(r.units)", [
        "p.is_promoted", q.rx_period("2024-01-01", "2024-03-31")], " GROUP BY p.product_name", joins=("product",)))
    q.add("ranking", "the 4 most-visited territories in H2 2024", q.call_sql("t.territory_name, COUNT(*) AS n", [
        q.call_period("2024-07-01", "2024-12-31")], " GROUP BY t.territory_name", " ORDER BY n DESC LIMIT 4"),
        ordered=True)
    q.add("ranking", "top 3 rheumatologists by Flector units in 2024", q.rx_sql("h.hcp_id, h.full_name, SUM(r.units) AS v",
        ["h.specialty = 'Rheumatology'", "p.product_name = 'Flector'", q.rx_period("2024-01-01", "2024-12-31")],
        " GROUP BY h.hcp_id, h.full_name", " ORDER BY v DESC LIMIT 3", joins=("hcp", "product")), ordered=True)
    q.add("ranking", "regions by Voltaren Gel NRx in 2024, lowest first", q.rx_sql("t.region, SUM(r.nrx) AS v", [
        "p.product_name = 'Voltaren Gel'", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY t.region",
        " ORDER BY v ASC"), ordered=True)
    q.add("count", "# of doctors missing from the CRM in Seattle", "SELECT COUNT(*) FROM hcp h WHERE h.crm_account_id"
        " IS NULL AND h.city = 'Seattle'")
    q.refuse("Flector market share in Q1 2025 vs Q2 2025", "a share in two periods is not computed; never the TRx growth")

def pivots(q):
    """What goes across is a column each ("one column per channel", "years across the top", "as columns"), what goes
    down the side a row each ("as rows", "down the side")."""
    q.add("pivot", "2024 Flector calls per territory in the Midwest, a column for each channel", q.call_sql(
        "t.territory_name, " + ", ".join(f"SUM(CASE WHEN c.channel = '{ch}' THEN 1 ELSE 0 END)" for ch in
        ("In-Person", "Virtual", "Phone", "Email")), ["p.product_name = 'Flector'", "t.region = 'Midwest'",
        q.call_period("2024-01-01", "2024-12-31")], " GROUP BY t.territory_name"))
    q.add("pivot", "Synthroid NRx with payer channels down the side and 2024 and 2025 across the top", q.rx_sql(
        "y.channel, " + ", ".join(f"SUM(CASE WHEN {q.rx_period(a, b)} THEN r.nrx ELSE 0 END)" for a, b in
        (("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31"))), ["p.product_name = 'Synthroid'",
        q.rx_period("2024-01-01", "2025-12-31")], " GROUP BY y.channel", joins=("product", "payer")))
    q.add("pivot", "Licart TRx by decile, H1 and H2 2025 as columns", q.rx_sql(
        "h.decile, " + ", ".join(f"SUM(CASE WHEN {q.rx_period(a, b)} THEN r.trx ELSE 0 END)" for a, b in
        (("2025-01-01", "2025-06-30"), ("2025-07-01", "2025-12-31"))), ["p.product_name = 'Licart'",
        q.rx_period("2025-01-01", "2025-12-31")], " GROUP BY h.decile", joins=("hcp", "product")))

def answer_forms(q):
    """Everyday wording that shapes the answer: a grouping whose values are listed, "X first", an activity the members
    had ("who got at least one call"), the mean of a call's own column by a grain."""
    q.add("breakdown", "Unithroid NRx in 2024 by payer channel (Commercial, Medicare Part D, Cash)", q.rx_sql(
        "y.channel, SUM(r.nrx)", ["p.product_name = 'Unithroid'", "y.channel IN ('Commercial', 'Medicare Part D',"
        " 'Cash')", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY y.channel", joins=("product", "payer")))
    q.add("ranking", "specialties by Pennsaid units in Q1 2025, highest first", q.rx_sql("h.specialty, SUM(r.units) AS v",
        ["p.product_name = 'Pennsaid'", q.rx_period("2025-01-01", "2025-03-31")], " GROUP BY h.specialty",
        " ORDER BY v DESC", joins=("hcp", "product")), ordered=True)
    q.add("restricted", "Tirosint-SOL NRx in 2025 from doctors who had at least one Tirosint-SOL call in 2025",
        q.rx_sql("SUM(r.nrx)", ["p.product_name = 'Tirosint-SOL'", q.rx_period("2025-01-01", "2025-12-31"),
        "EXISTS (SELECT 1 FROM call_activity c JOIN product cp ON cp.product_id = c.product_id WHERE c.hcp_id ="
        " r.hcp_id AND cp.product_name = 'Tirosint-SOL' AND c.call_date BETWEEN DATE '2025-01-01' AND"
        " DATE '2025-12-31')"], joins=("product",)))
    q.add("average", "average in-person call length by month in H1 2024", q.call_sql(
        "CAST(DATE_TRUNC('month', c.call_date) AS DATE), AVG(c.duration_min)", ["c.channel = 'In-Person'",
        q.call_period("2024-01-01", "2024-06-30")], " GROUP BY 1", " ORDER BY 1"), ordered=True)
