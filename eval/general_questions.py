"""Classes of language met on blind sets, written afresh here (own wording, other entities), never copied from them.

Each function adds items through the generator's own helpers (passed in as `q`), after the partner items, so the
ids of the earlier items do not move.
"""

def general(q):
    counted_members(q)
    qualified_members(q)
    growth_directions(q)
    each_member(q)
    number_ranges(q)
    rank_words(q)
    listed_members(q)
    compared_shares(q)
    activity_context(q)
    ranked_and_named(q)
    averages_and_ratios(q)
    restated_periods(q)
    dimension_owners(q)
    formulary_phrasings(q)
    per_period_averages(q)
    segment_shares(q)
    words_never_dropped(q)
    combined_periods(q)
    counted_once(q)
    change_per_period(q)
    lower_case_codes(q)
    number_after_table(q)
    actors_not_groupings(q)
    members_counted(q)
    measure_of_measure(q)
    output_and_framing(q)
    value_forms(q)
    period_pairs(q)
    declared_terms(q)
    molecule_words(q)
    who_is_asking(q)
    thresholds_and_per(q)

def counted_members(q):
    """A distinct-count measure counts members: naming them again asks for the one number, not a list of them."""
    q.add("count", "How many different HCPs did reps reach in 2024?", q.call_sql("COUNT(DISTINCT c.hcp_id)", [
        q.call_period("2024-01-01", "2024-12-31")]))
    q.add("count", "how many doctors did the Chicago rep reach last quarter", q.call_sql("COUNT(DISTINCT c.hcp_id)", [
        "t.territory_name = 'Chicago'", q.call_period("2025-07-01", "2025-09-30")]))
    q.add("breakdown", "count of Flector target prescribers per tier", "SELECT ht.tier, COUNT(DISTINCT ht.hcp_id) FROM "
        "hcp_target ht JOIN product p ON p.product_id = ht.product_id WHERE p.product_name = 'Flector' GROUP BY ht.tier")

def qualified_members(q):
    """"Commercial payers", "decile 9 HCPs", "HCPs in the Southwest": whose rows are meant, not a grouping."""
    q.add("total", "Synthroid TRx paid by Commercial payers in 2024", q.rx_sql("SUM(r.trx)", [
        "p.product_name = 'Synthroid'", "y.channel = 'Commercial'", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("total", "Cytomel NRx from decile 9 HCPs in 2025", q.rx_sql("SUM(r.nrx)", ["p.product_name = 'Cytomel'",
        "h.decile = 9", q.rx_period("2025-01-01", "2025-12-31")]))
    q.add("restricted", "Virtual Flector calls to decile 7 HCPs in the Midwest in 2024", q.call_sql("COUNT(*)", [
        "c.channel = 'Virtual'", "p.product_name = 'Flector'", "t.region = 'Midwest'", "h.decile = 7",
        q.call_period("2024-01-01", "2024-12-31")]))
    q.add("total", "Licart units from HCPs in the Southwest in 2025", q.rx_sql("SUM(r.units)", [
        "p.product_name = 'Licart'", "t.region = 'Southwest'", q.rx_period("2025-01-01", "2025-12-31")]))
    q.add("total", "calls made by the Seattle rep in Q2 2025", q.call_sql("COUNT(*)", [
        "t.territory_name = 'Seattle'", q.call_period("2025-04-01", "2025-06-30")]))

def growth_directions(q):
    """YoY beside given periods names the change only; "A over B" measures A against B."""
    A = lambda col, a, b: f"SUM(CASE WHEN r.week_ending BETWEEN DATE '{a}' AND DATE '{b}' THEN r.{col} ELSE 0 END)"
    g = lambda col, a1, b1, a2, b2: (f"{A(col, a1, b1)}, {A(col, a2, b2)}, ({A(col, a2, b2)} - {A(col, a1, b1)}) * 1.0"
                                     f" / {A(col, a1, b1)}")
    q.add("growth", "Flector TRx growth Q2 2025 vs Q2 2024 YoY", q.rx_sql(g("trx", "2024-04-01", "2024-06-30",
        "2025-04-01", "2025-06-30"), ["p.product_name = 'Flector'"], joins=("product",)))
    q.add("growth", "YoY NRx growth for Licart in 2024", q.rx_sql(g("nrx", "2023-01-01", "2023-12-31", "2024-01-01",
        "2024-12-31"), ["p.product_name = 'Licart'"], joins=("product",)))
    q.add("growth", "YoY Flector NRx growth for Q2", q.rx_sql(g("nrx", "2024-04-01", "2024-06-30", "2025-04-01",
        "2025-06-30"), ["p.product_name = 'Flector'"], joins=("product",)))
    q.add("growth", "Topical NSAID market TRx growth, 2024 over 2023", q.rx_sql(g("trx", "2023-01-01", "2023-12-31",
        "2024-01-01", "2024-12-31"), ["p.market = 'Topical NSAID'"], joins=("product",)))

def each_member(q):
    """"both A and B": each listed member must hold on its own."""
    q.add("count", "How many prescribers wrote both Synthroid and Cytomel in 2024?", "SELECT COUNT(*) FROM hcp h WHERE "
        + q.rx_exists("Synthroid", "2024-01-01", "2024-12-31") + " AND " + q.rx_exists("Cytomel", "2024-01-01",
        "2024-12-31"))

def number_ranges(q):
    """A numeric attribute given as a range: "7+", "5 to 8", "9-10", "6 or higher"."""
    q.add("total", "Synthroid NRx from decile 7+ prescribers in 2024", q.rx_sql("SUM(r.nrx)", [
        "p.product_name = 'Synthroid'", "h.decile >= 7", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("total", "Cytomel TRx for deciles 5 to 8 in 2025", q.rx_sql("SUM(r.trx)", ["p.product_name = 'Cytomel'",
        "h.decile BETWEEN 5 AND 8", q.rx_period("2025-01-01", "2025-12-31")]))
    q.add("total", "units of Pennsaid from decile 9-10 HCPs last year", q.rx_sql("SUM(r.units)", [
        "p.product_name = 'Pennsaid'", "h.decile BETWEEN 9 AND 10", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("restricted", "Flector calls to decile 6 or higher HCPs in Q1 2025", q.call_sql("COUNT(*)", [
        "p.product_name = 'Flector'", "h.decile >= 6", q.call_period("2025-01-01", "2025-03-31")]))

def rank_words(q):
    """"rank X by M" ranks every X; a stop phrase ending in "by" ("visits I made by channel") still groups."""
    q.add("ranking", "Rank the IBSA products by units in 2024", q.rx_sql("p.product_id, p.product_name, SUM(r.units) AS v",
        ["p.manufacturer = 'IBSA'", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY p.product_id, p.product_name",
        " ORDER BY v DESC, p.product_id"), True)
    q.add("breakdown", "visits I made by channel as the Miami rep in Q1 2025", q.call_sql("c.channel, COUNT(*)", [
        "t.territory_name = 'Miami'", q.call_period("2025-01-01", "2025-03-31")], " GROUP BY c.channel"))

def listed_members(q):
    """Members listed after the measure restrict it (one sum); listed before it, or compared, each is a row;
    "combined" / "together" always sums."""
    q.add("restricted", "Voltaren Gel units from family medicine doctors in Miami and Tampa in 2024", q.rx_sql(
        "SUM(r.units)", ["p.product_name = 'Voltaren Gel'", "h.specialty = 'Family Medicine'",
        "t.territory_name IN ('Miami', 'Tampa')", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("restricted", "Tirosint NRx under Cigna and Humana Medicare in the Midwest last year", q.rx_sql("SUM(r.nrx)", [
        "p.product_name = 'Tirosint'", "y.payer_name IN ('Cigna', 'Humana Medicare')", "t.region = 'Midwest'",
        q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("breakdown", "Miami and Tampa Flector TRx in 2024", q.rx_sql("t.territory_name, SUM(r.trx)", [
        "t.territory_name IN ('Miami', 'Tampa')", "p.product_name = 'Flector'", q.rx_period("2024-01-01", "2024-12-31")],
        " GROUP BY t.territory_name"))
    q.add("total", "Cigna and Aetna Synthroid TRx combined in 2024", q.rx_sql("SUM(r.trx)", [
        "y.payer_name IN ('Cigna', 'Aetna')", "p.product_name = 'Synthroid'", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("total", "Synthroid and Cytomel NRx together in Q1 2025", q.rx_sql("SUM(r.nrx)", [
        "p.product_name IN ('Synthroid', 'Cytomel')", q.rx_period("2025-01-01", "2025-03-31")]))

def compared_shares(q):
    """A share in A vs B of another dimension: one share in each, never one share of A and B merged."""
    share = lambda ch: (f"SUM(CASE WHEN p.product_name = 'Synthroid' AND y.channel = '{ch}' THEN r.trx ELSE 0 END) * 1.0"
                        f" / SUM(CASE WHEN y.channel = '{ch}' THEN r.trx ELSE 0 END)")
    q.add("share", "Synthroid share in Medicare Part D vs Medicaid for 2024", "SELECT ch, v FROM (SELECT 'Medicare Part D' "
        "AS ch, " + share("Medicare Part D") + " AS v FROM rx_weekly r JOIN product p ON p.product_id = r.product_id JOIN "
        "payer y ON y.payer_id = r.payer_id WHERE p.market = 'Hypothyroidism' AND " + q.rx_period("2024-01-01",
        "2024-12-31") + " UNION ALL SELECT 'Medicaid', " + share("Medicaid") + " FROM rx_weekly r JOIN product p ON "
        "p.product_id = r.product_id JOIN payer y ON y.payer_id = r.payer_id WHERE p.market = 'Hypothyroidism' AND "
        + q.rx_period("2024-01-01", "2024-12-31") + ") s")

def activity_context(q):
    """"minutes in calls": a measure named after in/on beside another measure of the same activity names the activity;
    "per promoted brand": a named filter after by/per groups by its members."""
    q.add("ranking", "top 5 territories by minutes spent in calls in 2024", q.call_sql(
        "t.territory_id, t.territory_name, SUM(c.duration_min) AS v", [q.call_period("2024-01-01", "2024-12-31")],
        " GROUP BY t.territory_id, t.territory_name", " ORDER BY v DESC, t.territory_id LIMIT 5"), True)
    q.add("ranking", "Which 2 reps logged the most call minutes on virtual calls in 2024", q.call_sql(
        "t.rep_name, SUM(c.duration_min) AS v", ["c.channel = 'Virtual'", q.call_period("2024-01-01", "2024-12-31")],
        " GROUP BY t.rep_name", " ORDER BY v DESC, t.rep_name LIMIT 2"), True)
    q.add("breakdown", "NRx per promoted brand in Q1 2025", q.rx_sql("p.product_id, p.product_name, SUM(r.nrx)", [
        "p.is_promoted", q.rx_period("2025-01-01", "2025-03-31")], " GROUP BY p.product_id, p.product_name"))

def ranked_and_named(q):
    """"which X has the most ... ? ranked" asks for the whole ranking; listing members "with their names" lists the
    members (names repeat), not the names; "across all our brands" is one total."""
    q.add("ranking", "Which specialty wrote the most Synthroid TRx in 2024? ranked", q.rx_sql("h.specialty, SUM(r.trx) AS v",
        ["p.product_name = 'Synthroid'", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY h.specialty",
        " ORDER BY v DESC, h.specialty"), True)
    q.add("list", "List the tier B Tirosint targets in Chicago with their names", q.hcp_list([
        "t.territory_name = 'Chicago'", q.target_exists("Tirosint", " AND ht.tier = 'B'")]))
    q.add("total", "Total NRx across all our promoted brands in 2024", q.rx_sql("SUM(r.nrx)", ["p.is_promoted",
        q.rx_period("2024-01-01", "2024-12-31")]))

def averages_and_ratios(q):
    """"average"/"avg"/"mean"/"ratio": one measure over another of the same activity, over the distinct members it
    is spread across, or the mean of a summed column."""
    q.add("breakdown", "average call duration by channel in 2024", q.call_sql("c.channel, AVG(c.duration_min)", [
        q.call_period("2024-01-01", "2024-12-31")], " GROUP BY c.channel"))
    q.add("total", "Avg NRx per writer for Synthroid in 2024", q.rx_sql("SUM(r.nrx) * 1.0 / COUNT(DISTINCT r.hcp_id)", [
        "p.product_name = 'Synthroid'", q.rx_period("2024-01-01", "2024-12-31")], joins=("product",)))
    q.add("total", "average number of calls per HCP in the Denver territory in 2024", q.call_sql(
        "COUNT(*) * 1.0 / COUNT(DISTINCT c.hcp_id)", ["t.territory_name = 'Denver'",
        q.call_period("2024-01-01", "2024-12-31")]))
    q.add("total", "What was the NRx to TRx ratio for Licart in 2024?", q.rx_sql("SUM(r.nrx) * 1.0 / SUM(r.trx)", [
        "p.product_name = 'Licart'", q.rx_period("2024-01-01", "2024-12-31")], joins=("product",)))
    q.add("breakdown", "mean units per TRx by product for the Topical NSAID market last year", q.rx_sql(
        "p.product_id, p.product_name, SUM(r.units) * 1.0 / SUM(r.trx)", ["p.market = 'Topical NSAID'",
        q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY p.product_id, p.product_name", joins=("product",)))

def restated_periods(q):
    """A period restated by a narrower one ("2024 YTD" style, "(QTD)"): the narrower is meant."""
    q.add("total", "Cytomel NRx in 2025 YTD", q.rx_sql("SUM(r.nrx)", ["p.product_name = 'Cytomel'",
        q.rx_period("2025-01-01", q.AS_OF)]))
    q.add("total", "Licart units in Q4 2025 (QTD)", q.rx_sql("SUM(r.units)", ["p.product_name = 'Licart'",
        q.rx_period("2025-10-01", q.AS_OF)]))

def dimension_owners(q):
    """"HCP specialties": the table only says whose dimension; "(all products)": no product restriction, no grouping;
    "proportion"/"percentage" name a share; a share of one member's measure from a segment refuses (not computed)."""
    q.add("ranking", "top 3 HCP specialties by Cytomel TRx in 2024", q.rx_sql("h.specialty, SUM(r.trx) AS v", [
        "p.product_name = 'Cytomel'", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY h.specialty",
        " ORDER BY v DESC, h.specialty LIMIT 3"), True)
    q.add("ranking", "top 4 specialties by units (all products) in 2024", q.rx_sql("h.specialty, SUM(r.units) AS v", [
        q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY h.specialty", " ORDER BY v DESC, h.specialty LIMIT 4"), True)
    q.add("share", "Licart proportion of the Topical NSAID market in 2024", q.share_sql("Licart", [], "", "trx",
        "2024-01-01", "2024-12-31"))
    q.add("share", "what share of Synthroid NRx comes from Cigna in 2024", q.rx_sql("SUM(CASE WHEN y.payer_name = "
        "'Cigna' THEN r.nrx ELSE 0 END) * 1.0 / SUM(r.nrx)", ["p.product_name = 'Synthroid'",
        q.rx_period("2024-01-01", "2024-12-31")]))

def formulary_phrasings(q):
    """Verb forms of a model filter declared as phrasings ("need prior auth", "requiring prior authorization")."""
    q.add("list", "which products need prior auth at Humana Medicare", "SELECT p.product_id, p.product_name FROM product p "
        "WHERE EXISTS (SELECT 1 FROM formulary f JOIN payer y ON y.payer_id = f.payer_id WHERE f.product_id = "
        "p.product_id AND y.payer_name = 'Humana Medicare' AND f.prior_auth)")

def per_period_averages(q):
    """"average weekly/monthly M" over a period holding a whole number of them: the total over that number."""
    q.add("total", "average weekly Synthroid NRx over the last 8 weeks", q.rx_sql("SUM(r.nrx) / 8.0", [
        "p.product_name = 'Synthroid'", q.rx_period("2025-11-07", q.AS_OF)], joins=("product",)))
    q.add("total", "average monthly calls in 2024 for the Seattle territory", q.call_sql("COUNT(*) / 12.0", [
        "t.territory_name = 'Seattle'", q.call_period("2024-01-01", "2024-12-31")]))

def segment_shares(q):
    """A segment's part of a measure: "Commercial share of X TRx", "% of calls were virtual", "fraction ... from"."""
    seg = lambda cond, col: f"SUM(CASE WHEN {cond} THEN r.{col} ELSE 0 END) * 1.0 / SUM(r.{col})"
    q.add("share", "Commercial share of Levoxyl TRx in 2024", q.rx_sql(seg("y.channel = 'Commercial'", "trx"), [
        "p.product_name = 'Levoxyl'", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("share", "fraction of Cytomel NRx from Medicaid in 2025", q.rx_sql(seg("y.channel = 'Medicaid'", "nrx"), [
        "p.product_name = 'Cytomel'", q.rx_period("2025-01-01", "2025-12-31")]))
    q.add("share", "what % of Flector details were virtual in 2024", q.call_sql(
        "SUM(CASE WHEN c.channel = 'Virtual' THEN 1 ELSE 0 END) * 1.0 / COUNT(*)", ["p.product_name = 'Flector'",
        q.call_period("2024-01-01", "2024-12-31")]))
    q.add("share", "percent of all calls that were phone calls in Q2 2025", q.call_sql(
        "SUM(CASE WHEN c.channel = 'Phone' THEN 1 ELSE 0 END) * 1.0 / COUNT(*)", [
        q.call_period("2025-04-01", "2025-06-30")]))

def words_never_dropped(q):
    """"across all products" is one total; a derived word is no typo of a shorter one ("county" is not "count"); a
    noun among the function words after a data word ("brand team") is not dropped."""
    q.add("total", "units across all products in Q1 2025", q.rx_sql("SUM(r.units)", [
        q.rx_period("2025-01-01", "2025-03-31")]))
    q.refuse("flector nrx by county in 2024", "no county in the model")
    q.refuse("levoxyl trx by brand team", "no brand team in the model")

def combined_periods(q):
    """Two periods that follow each other, "combined", are one total over both; with a gap between them, refused;
    "w/" is "with"; short forms of specialties the model declares ("sports med")."""
    q.add("total", "Levoxyl NRx in Q1 and Q2 2025 combined", q.rx_sql("SUM(r.nrx)", ["p.product_name = 'Levoxyl'",
        q.rx_period("2025-01-01", "2025-06-30")]))
    q.refuse("flector units in 2023 and 2025 combined", "two periods with a gap between them")
    q.add("total", "pennsaid trx w/ medicaid in 2024", q.rx_sql("SUM(r.trx)", ["p.product_name = 'Pennsaid'",
        "y.channel = 'Medicaid'", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("total", "licart nrx among sports med docs in 2025", q.rx_sql("SUM(r.nrx)", ["p.product_name = 'Licart'",
        "h.specialty = 'Sports Medicine'", q.rx_period("2025-01-01", "2025-12-31")]))

def counted_once(q):
    """A distinct count of members described by two values of their own attribute counts them once, one number."""
    q.add("count", "unique endocrinologists and internists reached with Tirosint calls in 2024", q.call_sql(
        "COUNT(DISTINCT c.hcp_id)", ["h.specialty IN ('Endocrinology', 'Internal Medicine')",
        "p.product_name = 'Tirosint'", q.call_period("2024-01-01", "2024-12-31")]))

def change_per_period(q):
    """A period-over-period change for each period of a longer span is a series (general_shapes.growth_series), never
    the span against the one before it; a change of one period over the one before it is still answered."""
    q.refuse("Cytomel TRx versus plan in 2024", "a whole table after vs names nothing to compare")

def lower_case_codes(q):
    """A three-letter code the model declares that is no English word ("nyc") reads the same in lower case; city
    nicknames and short forms the model declares ("philly", "ortho surgeons")."""
    q.add("total", "synthroid units in nyc in 2024", q.rx_sql("SUM(r.units)", ["p.product_name = 'Synthroid'",
        "t.territory_name = 'New York City'", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("total", "pennsaid nrx from ortho surgeons in philly last year", q.rx_sql("SUM(r.nrx)", [
        "p.product_name = 'Pennsaid'", "h.specialty = 'Orthopedic Surgery'", "t.territory_name = 'Philadelphia'",
        q.rx_period("2024-01-01", "2024-12-31")]))

def number_after_table(q):
    """"HCPs in decile 9": a number phrase after the table qualifies it, as "decile 9 HCPs" does; no grouping."""
    q.add("total", "Licart calls to prescribers in decile 9 in the Southeast in 2024", q.call_sql("COUNT(*)", [
        "p.product_name = 'Licart'", "h.decile = 9", "t.region = 'Southeast'", q.call_period("2024-01-01",
        "2024-12-31")]))
    q.refuse("Cytomel units from HCPs without a specialty", "every HCP has a specialty: the negation names nothing")

def actors_not_groupings(q):
    """Members named as who did an activity ("minutes our reps put in", "scripts the physicians wrote") are no
    grouping; "by prescriber specialty" groups by the specialty only."""
    q.add("total", "total call minutes our reps put in during Q1 2025", q.call_sql("SUM(c.duration_min)", [
        q.call_period("2025-01-01", "2025-03-31")]))
    q.add("total", "Pennsaid scripts the physicians wrote in 2024", q.rx_sql("SUM(r.trx)", [
        "p.product_name = 'Pennsaid'", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("breakdown", "Synthroid NRx by prescriber specialty in 2024", q.rx_sql("h.specialty, SUM(r.nrx)", [
        "p.product_name = 'Synthroid'", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY h.specialty"))

def members_counted(q):
    """"how many <members> got a <product> call", "how many doctors did reps visit": the members are counted once
    each, never the calls."""
    q.add("count", "how many internists received a Licart call in 2025", q.call_sql("COUNT(DISTINCT c.hcp_id)", [
        "h.specialty = 'Internal Medicine'", "p.product_name = 'Licart'", q.call_period("2025-01-01", "2025-12-31")]))
    q.add("count", "how many doctors did reps visit in March 2025", q.call_sql("COUNT(DISTINCT c.hcp_id)", [
        q.call_period("2025-03-01", "2025-03-31")]))
    q.add("count", "how many HCPs got a Flector detail in Q1 2025", q.call_sql("COUNT(DISTINCT c.hcp_id)", [
        "p.product_name = 'Flector'", q.call_period("2025-01-01", "2025-03-31")]))

def measure_of_measure(q):
    """"what fraction of X TRx were new scripts": one measure over another of the same rows, not a market share."""
    q.add("share", "what fraction of Synthroid TRx were new scripts in 2024", q.rx_sql("SUM(r.nrx) * 1.0 / SUM(r.trx)", [
        "p.product_name = 'Synthroid'", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("share", "what share of Licart prescriptions in 2025 were new prescriptions", q.rx_sql(
        "SUM(r.nrx) * 1.0 / SUM(r.trx)", ["p.product_name = 'Licart'", q.rx_period("2025-01-01", "2025-12-31")]))

def output_and_framing(q):
    """Output instructions ("show id and name", "(id, name)") and framing ("for calendar 2024", "please") are dropped
    when the rest is one question."""
    q.add("ranking", "top 3 Cytomel prescribers in 2025, show id and name", q.rx_sql(
        "h.hcp_id, h.full_name, SUM(r.trx) AS v", ["p.product_name = 'Cytomel'", q.rx_period("2025-01-01", "2025-12-31")],
        " GROUP BY h.hcp_id, h.full_name", " ORDER BY v DESC, h.hcp_id LIMIT 3"), True)
    q.add("ranking", "top 4 Levoxyl writers by NRx in 2024 (id, name)", q.rx_sql(
        "h.hcp_id, h.full_name, SUM(r.nrx) AS v", ["p.product_name = 'Levoxyl'", q.rx_period("2024-01-01", "2024-12-31")],
        " GROUP BY h.hcp_id, h.full_name", " ORDER BY v DESC, h.hcp_id LIMIT 4"), True)
    q.add("total", "for calendar 2024, what were Euthyrox units please", q.rx_sql("SUM(r.units)", [
        "p.product_name = 'Euthyrox'", q.rx_period("2024-01-01", "2024-12-31")]))

def value_forms(q):
    """Member values said as adverbs or verbs ("done virtually", "emailed"); numbers after a numeric dimension are
    its values ("decile 8 or 9"), never a row limit; "rank <named filter>" ranks all its members."""
    q.add("total", "how many calls were done virtually in Q2 2025", q.call_sql("COUNT(*)", ["c.channel = 'Virtual'",
        q.call_period("2025-04-01", "2025-06-30")]))
    q.add("total", "Licart calls emailed in 2024", q.call_sql("COUNT(*)", ["c.channel = 'Email'",
        "p.product_name = 'Licart'", q.call_period("2024-01-01", "2024-12-31")]))
    q.add("total", "Synthroid TRx from decile 8 or 9 doctors in 2024", q.rx_sql("SUM(r.trx)", [
        "p.product_name = 'Synthroid'", "h.decile BETWEEN 8 AND 9", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("ranking", "rank our promoted brands by NRx in 2024", q.rx_sql("p.product_id, p.product_name, SUM(r.nrx) AS v",
        ["p.is_promoted", q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY p.product_id, p.product_name",
        " ORDER BY v DESC, p.product_id"), True)

def period_pairs(q):
    """"first half vs second half of 2024": the year said once holds for both; a parenthetical restating the same
    periods ("quarter over quarter, Q1 to Q2") adds none."""
    side = lambda product, metric, *periods: q.rx_sql(", ".join(
        f"SUM(CASE WHEN {q.rx_period(a, b)} THEN r.{metric} ELSE 0 END)" for label, a, b in periods),
        [f"p.product_name = '{product}'"], joins=("product",))
    q.add("comparison", "Cytomel TRx first half vs second half of 2024", side("Cytomel", "trx",
        ("H1 2024", "2024-01-01", "2024-06-30"), ("H2 2024", "2024-07-01", "2024-12-31")))
    q.add("comparison", "Levoxyl NRx Q1 2025 vs Q2 2025 (quarter over quarter, Q1 to Q2)", side("Levoxyl", "nrx",
        ("Q1 2025", "2025-01-01", "2025-03-31"), ("Q2 2025", "2025-04-01", "2025-06-30")))
    q.add("comparison", "Euthyrox units 2023 vs 2024, from 2023 to 2024", side("Euthyrox", "units",
        ("2023", "2023-01-01", "2023-12-31"), ("2024", "2024-01-01", "2024-12-31")))

def declared_terms(q):
    """Abbreviations, CRM membership and weeks of data the model declares (terr, mkt, not in CRM, weeks of data)."""
    q.add("breakdown", "calls by terr in Q3 2025", q.call_sql("t.territory_id, t.territory_name, COUNT(*)", [
        q.call_period("2025-07-01", "2025-09-30")], " GROUP BY t.territory_id, t.territory_name"))
    q.add("share", "Synthroid mkt share in 2024", q.share_sql("Synthroid", [], "", "trx", "2024-01-01", "2024-12-31"))
    q.add("count", "how many HCPs are not in CRM", "SELECT COUNT(*) FROM hcp WHERE crm_account_id IS NULL")
    q.add("count", "how many calls in 2025 are missing a CRM call id", q.call_sql("COUNT(*)", [
        "c.crm_call_id IS NULL", q.call_period("2025-01-01", "2025-12-31")]))
    q.add("count", "how many weeks of prescription data are there", "SELECT COUNT(DISTINCT week_ending) FROM rx_weekly")

def molecule_words(q):
    """A leading word of a declared attribute's values names all of them ("any diclofenac product"); another company's
    field force ("Haleon reps") is not in the data and refuses."""
    q.add("total", "NRx of any diclofenac product in 2024", q.rx_sql("SUM(r.nrx)", [
        "p.molecule IN ('diclofenac epolamine', 'diclofenac sodium')", q.rx_period("2024-01-01", "2024-12-31")]))
    q.add("total", "units of products containing diclofenac epolamine in Q2 2025", q.rx_sql("SUM(r.units)", [
        "p.molecule = 'diclofenac epolamine'", q.rx_period("2025-04-01", "2025-06-30")]))
    q.refuse("how many calls did Haleon reps make in 2025", "another company's field force is not in the data")
    q.refuse("Levoxyl details by Pfizer's reps last quarter", "another company's field force is not in the data")

def who_is_asking(q):
    """"I cover Denver", "my territory ... I'm <rep>": the asker's own territory restricts the question, never a
    grouping or a named filter of another table."""
    q.add("total", "I cover Denver: Flector calls in Q2 2025", q.call_sql("COUNT(*)", ["t.territory_name = 'Denver'",
        "p.product_name = 'Flector'", q.call_period("2025-04-01", "2025-06-30")]))
    q.add("total", "my territory's call minutes in 2024, I am Aisha Perez", q.call_sql("SUM(c.duration_min)", [
        "t.rep_name = 'Aisha Perez'", q.call_period("2024-01-01", "2024-12-31")]))

def thresholds_and_per(q):
    """A measure per another measure is their ratio ("units per TRx", "calls per HCP reached"); a number compared with
    ("more than 30") is a threshold, never a row limit (see general_shapes.thresholds)."""
    q.add("average", "Armour Thyroid units per TRx by payer in 2024", q.rx_sql(
        "y.payer_id, y.payer_name, SUM(r.units) * 1.0 / SUM(r.trx)", ["p.product_name = 'Armour Thyroid'",
        q.rx_period("2024-01-01", "2024-12-31")], " GROUP BY y.payer_id, y.payer_name"))
    q.add("average", "Licart calls per HCP reached in Q1 2025", q.call_sql("COUNT(*) * 1.0 / COUNT(DISTINCT c.hcp_id)",
        ["p.product_name = 'Licart'", q.call_period("2025-01-01", "2025-03-31")]))
    # across two activities each is aggregated on its own, then one over the other (once a refusal)
    q.add("ratio", "Licart NRx per Licart call by region in 2024", "SELECT a.region, a.v * 1.0 / b.n FROM (" + q.rx_sql(
        "t.region, SUM(r.nrx) AS v", ["p.product_name = 'Licart'", q.rx_period("2024-01-01", "2024-12-31")],
        " GROUP BY t.region") + ") a JOIN (" + q.call_sql("t.region, COUNT(*) AS n", ["p.product_name = 'Licart'",
        q.call_period("2024-01-01", "2024-12-31")], " GROUP BY t.region") + ") b ON a.region = b.region")
