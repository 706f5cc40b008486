-- Legitimate analytical statements over the demo schema: each must pass the guard and run on DuckDB.
-- Entries are separated by a line holding only '-- ----'.
-- ----
SELECT * FROM territory
-- ----
SELECT territory_name, region FROM territory WHERE region = 'Northeast' ORDER BY territory_name
-- ----
SELECT count(*) AS hcps FROM hcp
-- ----
SELECT specialty, count(*) AS n FROM hcp GROUP BY specialty ORDER BY n DESC
-- ----
SELECT h.full_name, t.territory_name FROM hcp h JOIN territory t ON t.territory_id = h.territory_id WHERE h.decile >= 9
-- ----
SELECT p.product_name, sum(r.trx) AS trx FROM rx_weekly r JOIN product p ON p.product_id = r.product_id GROUP BY p.product_name ORDER BY trx DESC LIMIT 5
-- ----
SELECT p.product_name, sum(r.nrx) AS nrx, sum(r.trx) AS trx FROM rx_weekly r JOIN product p USING (product_id) GROUP BY 1
-- ----
SELECT date_trunc('month', week_ending) AS month, sum(trx) AS trx FROM rx_weekly GROUP BY 1 ORDER BY 1
-- ----
SELECT EXTRACT(YEAR FROM week_ending) AS yr, EXTRACT(QUARTER FROM week_ending) AS q, sum(trx) FROM rx_weekly GROUP BY 1, 2 ORDER BY 1, 2
-- ----
SELECT max(week_ending) AS as_of FROM rx_weekly
-- ----
SELECT sum(trx) FROM rx_weekly WHERE week_ending > (SELECT max(week_ending) FROM rx_weekly) - INTERVAL 28 DAY
-- ----
SELECT sum(trx) FROM rx_weekly WHERE week_ending BETWEEN DATE '2025-07-01' AND DATE '2025-09-30'
-- ----
SELECT p.market, p.product_name, sum(r.trx) * 1.0 / sum(sum(r.trx)) OVER (PARTITION BY p.market) AS share FROM rx_weekly r JOIN product p ON p.product_id = r.product_id GROUP BY p.market, p.product_name
-- ----
SELECT hcp_id, sum(trx) AS trx, rank() OVER (ORDER BY sum(trx) DESC) AS rnk FROM rx_weekly GROUP BY hcp_id ORDER BY rnk LIMIT 20
-- ----
SELECT week_ending, sum(trx) AS trx, avg(sum(trx)) OVER (ORDER BY week_ending ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS ma4 FROM rx_weekly GROUP BY week_ending ORDER BY week_ending
-- ----
SELECT week_ending, sum(trx) - lag(sum(trx)) OVER (ORDER BY week_ending) AS delta FROM rx_weekly GROUP BY week_ending
-- ----
SELECT product_id, week_ending, row_number() OVER (PARTITION BY product_id ORDER BY week_ending DESC) AS rn FROM rx_weekly GROUP BY product_id, week_ending
-- ----
SELECT * FROM hcp WHERE hcp_id IN (SELECT hcp_id FROM call_activity WHERE channel = 'In-Person')
-- ----
SELECT * FROM hcp h WHERE EXISTS (SELECT 1 FROM rx_weekly r WHERE r.hcp_id = h.hcp_id AND r.product_id = 'P01')
-- ----
SELECT * FROM hcp h WHERE NOT EXISTS (SELECT 1 FROM call_activity c WHERE c.hcp_id = h.hcp_id)
-- ----
SELECT full_name, (SELECT count(*) FROM call_activity c WHERE c.hcp_id = h.hcp_id) AS calls FROM hcp h ORDER BY calls DESC LIMIT 10
-- ----
SELECT territory_id, count(*) AS calls FROM call_activity GROUP BY territory_id HAVING count(*) > (SELECT count(*) / 30 FROM call_activity)
-- ----
SELECT full_name, CASE WHEN decile >= 8 THEN 'High' WHEN decile >= 4 THEN 'Medium' ELSE 'Low' END AS segment FROM hcp
-- ----
SELECT sum(CASE WHEN p.is_promoted THEN r.trx ELSE 0 END) AS promoted_trx, sum(r.trx) AS all_trx FROM rx_weekly r JOIN product p ON p.product_id = r.product_id
-- ----
SELECT coalesce(crm_account_id, 'not in CRM') AS crm FROM hcp
-- ----
SELECT nullif(sum(nrx), 0) AS nrx FROM rx_weekly
-- ----
SELECT sum(nrx) * 1.0 / nullif(sum(trx), 0) AS nrx_ratio FROM rx_weekly
-- ----
SELECT count(DISTINCT hcp_id) AS reach FROM call_activity WHERE product_id = 'P01'
-- ----
SELECT product_id, count(DISTINCT hcp_id) AS writers FROM rx_weekly WHERE trx > 0 GROUP BY product_id
-- ----
SELECT upper(last_name) || ', ' || first_name AS name FROM hcp ORDER BY name LIMIT 50
-- ----
SELECT substring(npi, 1, 3) AS prefix, count(*) FROM hcp GROUP BY 1
-- ----
SELECT trim(full_name), length(full_name), lower(city), replace(full_name, ' ', '_') FROM hcp
-- ----
SELECT * FROM hcp WHERE full_name LIKE 'A%' AND state IN ('NY', 'NJ')
-- ----
SELECT * FROM hcp WHERE crm_account_id IS NULL
-- ----
SELECT * FROM payer WHERE channel <> 'Cash' ORDER BY payer_name
-- ----
SELECT hcp_id FROM call_activity UNION SELECT hcp_id FROM rx_weekly
-- ----
SELECT hcp_id FROM call_activity INTERSECT SELECT hcp_id FROM rx_weekly
-- ----
SELECT hcp_id FROM hcp EXCEPT SELECT hcp_id FROM call_activity
-- ----
SELECT hcp_id, 'called' AS kind FROM call_activity UNION ALL SELECT hcp_id, 'wrote' FROM rx_weekly ORDER BY 1 LIMIT 100
-- ----
(SELECT territory_id FROM territory WHERE region = 'West') UNION (SELECT territory_id FROM territory WHERE region = 'Midwest') ORDER BY 1
-- ----
WITH recent AS (SELECT * FROM rx_weekly WHERE week_ending >= DATE '2025-10-01') SELECT product_id, sum(trx) FROM recent GROUP BY product_id
-- ----
WITH t AS (SELECT territory_id, sum(trx) AS trx FROM rx_weekly r JOIN hcp h USING (hcp_id) GROUP BY territory_id), c AS (SELECT territory_id, count(*) AS calls FROM call_activity GROUP BY territory_id) SELECT t.territory_id, t.trx, c.calls FROM t LEFT JOIN c ON c.territory_id = t.territory_id
-- ----
WITH hcp AS (SELECT * FROM hcp WHERE decile = 10) SELECT count(*) FROM hcp
-- ----
WITH a AS (SELECT hcp_id FROM hcp), b AS (SELECT hcp_id FROM a WHERE hcp_id LIKE 'H%') SELECT count(*) FROM b
-- ----
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n
-- ----
WITH RECURSIVE wk(i, week_ending) AS (SELECT 1, max(week_ending) FROM rx_weekly UNION ALL SELECT i + 1, week_ending - 7 FROM wk WHERE i < 4) SELECT w.week_ending, sum(r.trx) FROM wk w LEFT JOIN rx_weekly r ON r.week_ending = w.week_ending GROUP BY w.week_ending ORDER BY 1
-- ----
WITH RECURSIVE terr(id, depth) AS (SELECT territory_id, 0 FROM territory WHERE territory_id = 'T01' UNION ALL SELECT t.territory_id, depth + 1 FROM territory t JOIN terr ON t.territory_id > terr.id WHERE depth < 2) SELECT count(*) FROM terr
-- ----
SELECT h.full_name, x.calls FROM hcp h, LATERAL (SELECT count(*) AS calls FROM call_activity c WHERE c.hcp_id = h.hcp_id) x
-- ----
SELECT h.full_name, x.last_call FROM hcp h JOIN LATERAL (SELECT max(call_date) AS last_call FROM call_activity c WHERE c.hcp_id = h.hcp_id) x ON true
-- ----
SELECT t.region, s.trx FROM territory t, LATERAL (SELECT sum(r.trx) AS trx FROM rx_weekly r JOIN hcp h ON h.hcp_id = r.hcp_id WHERE h.territory_id = t.territory_id) s
-- ----
SELECT * FROM (SELECT hcp_id, sum(trx) AS trx FROM rx_weekly GROUP BY hcp_id) s WHERE s.trx > 10
-- ----
SELECT * FROM (SELECT * FROM (SELECT hcp_id, decile FROM hcp) a WHERE decile > 1) b
-- ----
SELECT region, count(*) FROM hcp h JOIN territory t ON t.territory_id = h.territory_id GROUP BY ROLLUP (region)
-- ----
SELECT f.status, p.product_name, y.payer_name FROM formulary f JOIN product p ON p.product_id = f.product_id JOIN payer y ON y.payer_id = f.payer_id
-- ----
SELECT tier, count(*) FROM hcp_target GROUP BY tier
-- ----
SELECT ht.tier, sum(r.trx) FROM hcp_target ht JOIN rx_weekly r ON r.hcp_id = ht.hcp_id AND r.product_id = ht.product_id GROUP BY ht.tier
-- ----
SELECT channel, avg(duration_min) AS avg_minutes FROM call_activity GROUP BY channel
-- ----
SELECT CAST(week_ending AS VARCHAR) AS wk, sum(units) FROM rx_weekly GROUP BY 1
-- ----
SELECT round(avg(trx), 2) AS avg_trx, min(trx), max(trx) FROM rx_weekly
-- ----
SELECT abs(sum(trx) - sum(nrx)) AS refills FROM rx_weekly
-- ----
SELECT greatest(max(trx), 0), least(min(nrx), 100) FROM rx_weekly
-- ----
SELECT call_date, call_date + INTERVAL 1 DAY AS next_day FROM call_activity LIMIT 5
-- ----
SELECT date_trunc('quarter', call_date) AS q, count(*) FROM call_activity WHERE call_date >= DATE '2024-01-01' GROUP BY 1 ORDER BY 1
-- ----
SELECT date_part('dow', call_date) AS dow, count(*) FROM call_activity GROUP BY 1
-- ----
SELECT * FROM hcp ORDER BY decile DESC, full_name ASC LIMIT 25 OFFSET 25
-- ----
SELECT * FROM hcp LIMIT 50000
-- ----
SELECT * FROM product FETCH FIRST 3 ROWS ONLY
-- ----
SELECT DISTINCT specialty FROM hcp
-- ----
SELECT h.specialty, p.market, sum(r.trx) FROM rx_weekly r JOIN hcp h ON h.hcp_id = r.hcp_id JOIN product p ON p.product_id = r.product_id GROUP BY h.specialty, p.market HAVING sum(r.trx) > 0 ORDER BY 3 DESC
-- ----
SELECT t.rep_name, count(c.call_id) AS calls FROM territory t LEFT JOIN call_activity c ON c.territory_id = t.territory_id GROUP BY t.rep_name ORDER BY calls DESC
-- ----
SELECT p.product_name FROM product p WHERE p.product_id NOT IN (SELECT product_id FROM formulary WHERE status = 'Not Covered')
-- ----
SELECT count(*) FILTER (WHERE channel = 'Email') AS emails, count(*) AS calls FROM call_activity
-- ----
SELECT x.v FROM (VALUES (1), (2), (3)) AS x(v)
-- ----
SELECT 1 AS one
-- ----
SELECT a.hcp_id FROM hcp a JOIN hcp b ON a.npi = b.npi AND a.hcp_id <> b.hcp_id
-- ----
SELECT acme.hcp.full_name FROM acme.hcp
-- ----
SELECT h.* FROM acme.hcp h WHERE h.decile = 10
-- ----
SELECT "hcp".full_name FROM "hcp"
-- ----
SELECT p.product_name, sum(CASE WHEN r.week_ending >= DATE '2025-01-01' THEN r.trx END) AS ytd, sum(CASE WHEN r.week_ending BETWEEN DATE '2024-01-01' AND DATE '2024-12-26' THEN r.trx END) AS last_ytd FROM rx_weekly r JOIN product p ON p.product_id = r.product_id GROUP BY p.product_name
-- ----
SELECT product_id, (sum(CASE WHEN EXTRACT(YEAR FROM week_ending) = 2025 THEN trx END) - sum(CASE WHEN EXTRACT(YEAR FROM week_ending) = 2024 THEN trx END)) * 1.0 / nullif(sum(CASE WHEN EXTRACT(YEAR FROM week_ending) = 2024 THEN trx END), 0) AS growth FROM rx_weekly GROUP BY product_id
-- ----
SELECT territory_id, ntile(4) OVER (ORDER BY count(*)) AS quartile FROM hcp GROUP BY territory_id
-- ----
SELECT specialty, string_agg(DISTINCT state, ',') AS states FROM hcp GROUP BY specialty
-- ----
SELECT CASE decile WHEN 10 THEN 'top' ELSE 'other' END AS bucket, count(*) FROM hcp GROUP BY 1
-- ----
SELECT * FROM territory WHERE territory_id IN ('T01', 'T02') OR region = 'West'
