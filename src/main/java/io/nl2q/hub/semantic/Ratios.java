package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Averages and ratios, read from "average", "avg", "mean", "ratio": one measure over another of the same activity
 * ("TRx per writer", "NRx to TRx ratio"), a measure over the members it is spread across ("calls per HCP": the
 * distinct members of the activity), or the mean of a summed column ("average call duration": AVG of it). Each is one
 * new measure over the activity's table, so filters, groups and periods apply as to any other.
 */
final class Ratios {
    private static final Pattern SUM = Pattern.compile("(?i)^SUM\\((.+)\\)$");

    private Ratios() {
    }

    static List<Field> of(SemanticModel model, Mentions m, List<Field> metrics, List<Intent.Target> groups) {
        if (m.grain != null || m.trend || m.share || m.growth) {
            throw new Unanswerable("An average over weeks or months, or beside a share, growth or trend, is not"
                    + " something I compute yet; ask for the total or the breakdown.");
        }
        if (metrics.size() == 2 && metrics.get(0).table().equals(metrics.get(1).table())) {
            Field a = metrics.get(0);
            Field b = metrics.get(1);
            return List.of(derived(a, a.name() + "_per_" + b.name(), over(a.expr(), b.expr())));
        }
        if (metrics.size() != 1) {
            throw new Unanswerable("An average or ratio takes one measure over another of the same activity.");
        }
        Field f = metrics.get(0);
        ModelTable fact = model.tableOf(f);
        Mentions.Slot per = m.entities.stream().filter(s -> m.grouped.contains(s.position())
                && s.position() > m.ratioPosition).findFirst().orElse(null);
        if (per != null) {
            ModelTable members = per.candidates().get(0).table();
            String key = key(model, fact, members);
            if (key == null) {
                throw new Unanswerable("I cannot tell how " + fact.name() + " counts " + members.name() + ".");
            }
            groups.remove(new Intent.Target(members, null)); // the members are the denominator, not a grouping
            return List.of(derived(f, f.name() + "_per_" + members.name(), over(f.expr(), "COUNT(DISTINCT " + key + ")")));
        }
        Matcher sum = SUM.matcher(f.expr().strip());
        if (!sum.matches()) {
            throw new Unanswerable("An average of " + f.spokenName() + " needs what it is per: say for example \""
                    + f.spokenName() + " per <member>\".");
        }
        return List.of(derived(f, "avg_" + f.name(), "AVG(" + sum.group(1) + ")"));
    }

    private static String over(String numerator, String denominator) {
        return "(" + numerator + ") * 1.0 / NULLIF(" + denominator + ", 0)";
    }

    /** The activity's column that joins to the members' table. */
    private static String key(SemanticModel model, ModelTable fact, ModelTable members) {
        for (Relationship r : model.relationships()) {
            if (r.leftTable().equals(fact.name()) && r.rightTable().equals(members.name()) && r.columns().size() == 1) {
                return r.columns().get(0).left();
            }
        }
        return null;
    }

    private static Field derived(Field from, String name, String expr) {
        return new Field(Field.Kind.METRIC, from.table(), name, List.of(), "", expr, "number", List.of(), false,
                Map.of(), null);
    }
}
