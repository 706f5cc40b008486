package io.nl2q.hub.query;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The first query generator: a handful of question shapes (rankings of prescribers, breakdowns of a measure, lists of
 * reps or territories, counts of prescribers), each compiled to one SQL statement. Anything else is refused with
 * suggestions. The semantic engine replaces it by registering its own {@link QueryGenerator}.
 */
@Component("queryGenerator")
class StarterQueryGenerator implements QueryGenerator {
    static final List<String> EXAMPLES = List.of(
            "top 10 prescribers by TRx for Tirosint in Q4 2024",
            "TRx by region for Flector in 2025",
            "list the reps in the West",
            "how many prescribers are there");
    private static final String MEASURES = "(trx|nrx|units)";
    private static final Pattern TOP = Pattern.compile(
            "top (\\d{1,4}) (?:prescribers|hcps|doctors|physicians|providers) by " + MEASURES + "(.*)");
    private static final Pattern BREAKDOWN = Pattern.compile(
            MEASURES + " by (region|territory|specialty|product|payer)(.*)");
    private static final Pattern LIST = Pattern.compile("list (?:the |all )?(reps|territories)(?: in (?:the )?(\\w+))?");
    private static final Pattern COUNT = Pattern.compile("how many (?:prescribers|hcps|doctors|physicians)(?: .*)?");
    private static final Pattern QUARTER = Pattern.compile("\\bq([1-4]) (\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:in )?(20\\d\\d)\\b");

    private final WarehouseRegistry warehouses;
    private final ReferenceValues values;

    StarterQueryGenerator(WarehouseRegistry warehouses, ReferenceValues values) {
        this.warehouses = warehouses;
        this.values = values;
    }

    @Override
    public GeneratedQuery generate(Question question, Caller caller) {
        String q = question.text().toLowerCase(Locale.ROOT).replaceAll("[?!.]+$", "").replaceAll("\\s+", " ")
                .replaceFirst("^(?:show me|show|give me|what are|who are|please) (?:the )?", "");
        TenantWarehouse warehouse = warehouses.forTenant(caller.tenant().id());
        SqlDialect d = warehouse.dialect();
        Matcher m;
        if ((m = TOP.matcher(q)).matches()) {
            Filters f = filters(m.group(3), warehouse);
            String measure = m.group(2);
            String sql = "SELECT h.hcp_id, h.full_name, h.specialty, SUM(r." + measure + ") AS " + measure
                    + " FROM rx_weekly r JOIN hcp h ON h.hcp_id = r.hcp_id JOIN product p ON p.product_id = r.product_id"
                    + f.where(d) + " GROUP BY h.hcp_id, h.full_name, h.specialty ORDER BY " + measure
                    + " DESC, h.hcp_id LIMIT " + Integer.parseInt(m.group(1));
            return new GeneratedQuery(sql, "semantic", "Top " + m.group(1) + " prescribers ranked by "
                    + measure.toUpperCase(Locale.ROOT) + " (sum of weekly " + measure + ")" + f.describe() + ".",
                    new Chart("bar", "full_name", measure));
        }
        if ((m = BREAKDOWN.matcher(q)).matches()) {
            Filters f = filters(m.group(3), warehouse);
            String measure = m.group(1);
            String column = switch (m.group(2)) {
                case "region" -> "t.region";
                case "territory" -> "t.territory_name";
                case "specialty" -> "h.specialty";
                case "product" -> "p.product_name";
                default -> "y.payer_name";
            };
            String sql = "SELECT " + column + ", SUM(r." + measure + ") AS " + measure
                    + " FROM rx_weekly r JOIN hcp h ON h.hcp_id = r.hcp_id JOIN territory t ON t.territory_id = h.territory_id"
                    + " JOIN product p ON p.product_id = r.product_id JOIN payer y ON y.payer_id = r.payer_id"
                    + f.where(d) + " GROUP BY " + column + " ORDER BY " + measure + " DESC";
            return new GeneratedQuery(sql, "semantic", measure.toUpperCase(Locale.ROOT) + " (sum of weekly "
                    + measure + ") by " + m.group(2) + f.describe() + ".",
                    new Chart("bar", column.substring(2), measure));
        }
        if ((m = LIST.matcher(q)).matches()) {
            Optional<String> region = Optional.ofNullable(m.group(2)).map(r -> values.match(warehouse, "region", r)
                    .orElseThrow(() -> unanswerable("I do not know the region \"" + r + "\".")));
            String where = region.map(r -> " WHERE region = " + literal(r)).orElse("");
            String sql = m.group(1).equals("reps")
                    ? "SELECT rep_name, territory_name, region FROM territory" + where + " ORDER BY rep_name"
                    : "SELECT territory_id, territory_name, region, state FROM territory" + where + " ORDER BY territory_id";
            return new GeneratedQuery(sql, "semantic", "All " + m.group(1)
                    + region.map(r -> " in the " + r + " region").orElse("") + ".", Chart.table());
        }
        if (COUNT.matcher(q).matches()) {
            return new GeneratedQuery("SELECT COUNT(*) AS hcps FROM hcp", "semantic",
                    "The number of prescribers (rows of hcp).", new Chart("number", null, "hcps"));
        }
        throw unanswerable("I cannot answer that question yet.");
    }

    private Filters filters(String rest, TenantWarehouse warehouse) {
        String text = rest.strip();
        Optional<String> product = Optional.empty();
        Matcher p = Pattern.compile("\\bfor ([a-z0-9 \\-]+?)(?= in | q[1-4] |$)").matcher(text);
        if (p.find()) {
            String name = p.group(1).strip();
            product = Optional.of(values.match(warehouse, "product_name", name)
                    .orElseThrow(() -> unanswerable("I do not know the product \"" + name + "\".")));
        }
        Matcher quarter = QUARTER.matcher(text);
        Matcher year = YEAR.matcher(text);
        LocalDate from = null;
        LocalDate to = null;
        String period = null;
        if (quarter.find()) {
            int qn = Integer.parseInt(quarter.group(1));
            int y = Integer.parseInt(quarter.group(2));
            from = LocalDate.of(y, 3 * qn - 2, 1);
            to = from.plusMonths(3).minusDays(1);
            period = "Q" + qn + " " + y;
        } else if (year.find()) {
            int y = Integer.parseInt(year.group(1));
            from = LocalDate.of(y, 1, 1);
            to = LocalDate.of(y, 12, 31);
            period = String.valueOf(y);
        }
        return new Filters(product, from, to, period);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static HubException unanswerable(String message) {
        return new HubException(ErrorCode.UNANSWERABLE, Phase.GENERATE, message + " Try a question like these.",
                EXAMPLES, null);
    }

    private record Filters(Optional<String> product, LocalDate from, LocalDate to, String period) {
        String where(SqlDialect d) {
            StringBuilder w = new StringBuilder();
            product.ifPresent(p -> w.append(" AND p.product_name = ").append(literal(p)));
            if (from != null) {
                w.append(" AND r.week_ending BETWEEN ").append(d.dateLiteral(from)).append(" AND ")
                        .append(d.dateLiteral(to));
            }
            return w.isEmpty() ? "" : " WHERE" + w.substring(4);
        }

        String describe() {
            String s = product.map(p -> " for " + p).orElse("");
            return period == null ? s + ", over all weeks" : s + " in " + period + " (weeks ending " + from + " to " + to + ")";
        }
    }
}
