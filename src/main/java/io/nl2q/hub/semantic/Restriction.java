package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * A measure restricted by another activity of its members: "Tirosint TRx from HCPs not called in 2025" sums
 * prescriptions of the HCPs that have no calls. The member table must be named; values named after the activity
 * word restrict the activity, the others the measure; the question's period applies to both.
 *
 * @param member  the member table the clauses correlate to (empty when there is no restriction)
 */
record Restriction(List<Intent.Target> member, List<Intent.Clause> clauses) {

    static Restriction of(Mentions m, ModelTable base, int factCount, SemanticModel model, Resolve resolve) {
        List<Mentions.Slot> activities = m.facts.stream()
                .filter(s -> s.negated() || s.candidates().get(0).table() != base).toList();
        if (activities.isEmpty()) {
            return new Restriction(List.of(), List.of());
        }
        Mentions.Slot member = m.entities.stream().filter(e -> !m.grouped.contains(e.position())).findFirst()
                .orElseThrow(() -> new Unanswerable("Say whose activity restricts the measure, for example \""
                        + base.name() + " of members not " + activities.get(0).candidates().get(0).describe() + "\"."));
        ModelTable table = member.candidates().get(0).table();
        if (factCount > 1 || !resolve.reaches(base, member.candidates().get(0))) {
            throw new Unanswerable("I cannot restrict " + base.name() + " by the activity of " + table.name() + ".");
        }
        m.entities.remove(member); // the members restrict the measure; they are not a grouping
        List<Intent.Clause> clauses = new ArrayList<>();
        for (Mentions.Slot a : activities) {
            ModelTable fact = a.candidates().get(0).table();
            List<Mentions.Slot> own = m.values.stream().filter(v -> v.position() > a.position())
                    .filter(v -> v.candidates().stream().anyMatch(c -> resolve.reaches(fact, c))).toList();
            m.values.removeAll(own);
            List<Mentions.Slot> plain = own.stream()
                    .map(v -> new Mentions.Slot(v.position(), v.candidates(), false, v.singular(), null)).toList();
            boolean negated = a.negated() || own.stream().anyMatch(Mentions.Slot::negated);
            List<Mentions.Slot> filters = new ArrayList<>(plain);
            if (!negated) {
                // "Tirosint TRx from targeted HCPs": the members' activity is about what the measure is about, so
                // the measure's values the activity reaches (and it names no value of the same field) apply to it too
                for (Mentions.Slot v : m.values) {
                    if (v.negated() || v.position() > a.position()
                            || v.candidates().stream().noneMatch(c -> resolve.reaches(fact, c))
                            || own.stream().anyMatch(o -> sameField(o, v))) {
                        continue;
                    }
                    filters.add(new Mentions.Slot(v.position(), v.candidates(), false, v.singular(), null));
                }
            }
            clauses.add(new Intent.Clause(fact, negated, resolve.filters(filters, fact), null));
        }
        return new Restriction(List.of(new Intent.Target(table, null)), clauses);
    }

    private static boolean sameField(Mentions.Slot a, Mentions.Slot b) {
        return a.candidates().stream().anyMatch(x -> b.candidates().stream()
                .anyMatch(y -> x.field() != null && x.field() == y.field()));
    }
}
