package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An activity clause as SQL: EXISTS (or NOT EXISTS) over the activity's rows that join to the outer member row,
 * in the period and with the clause's filters. Correlated on the declared join, so no activity multiplies rows.
 */
final class ClauseSql {
    private ClauseSql() {
    }

    /** EXISTS over the activity's rows that join to the outer member, in the period and with the clause's filters. */
    static String exists(SemanticModel model, JoinPlanner joins, Intent.Clause c, ModelTable base, Sql outer,
                         Period period, int n) {
        Sql inner = new Sql(model, outer.dialect(), "x" + n + "_");
        List<JoinPlanner.Step> path = joins.plan(c.fact().name(), Set.of(base.name()));
        Set<String> needed = new LinkedHashSet<>();
        c.filters().forEach(f -> needed.add(f.field().table()));
        List<JoinPlanner.Step> steps = new ArrayList<>(joins.plan(c.fact().name(), needed));
        // walk to the member table inside the subquery, but correlate its last hop to the outer row instead
        JoinPlanner.Step last = path.isEmpty() ? null : path.get(path.size() - 1);
        path.stream().filter(s -> s != last && !steps.contains(s)).forEach(steps::add);
        steps.remove(last);
        StringBuilder sb = new StringBuilder(c.negated() ? "NOT EXISTS (SELECT 1" : "EXISTS (SELECT 1");
        sb.append(inner.from(c.fact().name(), steps));
        List<String> where = new ArrayList<>();
        if (last != null) {
            boolean forward = last.via().leftTable().equals(last.from());
            last.via().columns().forEach(col -> where.add(inner.alias(last.from()) + "." + (forward ? col.left()
                    : col.right()) + " = " + outer.alias(base.name()) + "." + (forward ? col.right() : col.left())));
        }
        // a table without a time dimension (a list in effect, such as a targeting list) is not an activity in time:
        // the question's period restricts the activities, not it; only a period said of it is refused
        if (period != null && (c.period() != null || c.fact().timeDimension().isPresent())) {
            Field time = c.fact().timeDimension().orElseThrow(() -> new Unanswerable(c.fact().name()
                    + " has no time dimension to restrict to a period."));
            where.add(inner.between(inner.column(time), period));
        }
        c.filters().forEach(f -> where.add(inner.condition(f)));
        if (!where.isEmpty()) {
            sb.append(" WHERE ").append(String.join(" AND ", where));
        }
        return sb.append(')').toString();
    }
}
