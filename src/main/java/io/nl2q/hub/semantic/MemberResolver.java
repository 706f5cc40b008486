package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Questions about members rather than measures: list them ("the reps in the West"), count them ("how many
 * endocrinologists wrote Tirosint"), with or without an activity ("called in Q4 2024 who wrote no Tirosint").
 * Activities become clauses that must (or must not) have rows; the period applies to every clause.
 */
final class MemberResolver {
    private final SemanticModel model;
    private final Resolve resolve;

    MemberResolver(SemanticModel model, Resolve resolve) {
        this.model = model;
        this.resolve = resolve;
    }

    Intent resolve(Mentions m, Intent.Shape shape) {
        if (m.grain != null || m.trend || m.share || m.growth) {
            throw new Unanswerable("A trend, share or growth needs a measure: name one, for example "
                    + model.defaultMetric().spokenName() + ".");
        }
        List<Intent.Target> targets = new ArrayList<>();
        m.entities.forEach(s -> targets.add(new Intent.Target(s.candidates().get(0).table(), null)));
        List<Mentions.Slot> dims = new ArrayList<>(m.dimensions);
        ModelTable base;
        Mentions.Slot noun = pluralValue(m);
        if (noun != null && shape == Intent.Shape.COUNT && !targets.isEmpty()
                && targets.stream().noneMatch(t -> t.table() == noun.candidates().get(0).table())) {
            targets.add(0, new Intent.Target(noun.candidates().get(0).table(), null)); // count them per the others
        }
        if (!targets.isEmpty()) {
            base = targets.get(0).table();
        } else if (noun != null) {
            base = noun.candidates().get(0).table(); // "endocrinologists": HCPs of that specialty
            targets.add(new Intent.Target(base, null));
        } else if (!dims.isEmpty()) {
            Meaning d = dims.remove(0).candidates().get(0);
            base = model.tableOf(d.field());
            targets.add(new Intent.Target(null, d.field()));
        } else if (countedEntity(m) != null) {
            base = countedEntity(m);
            targets.add(new Intent.Target(base, null));
        } else if (!m.values.isEmpty()) {
            base = m.values.get(0).candidates().get(0).table();
            targets.add(new Intent.Target(base, null));
        } else if (!m.namedFilters.isEmpty()) {
            base = m.namedFilters.get(0).candidates().get(0).table();
            targets.add(new Intent.Target(base, null));
        } else {
            throw new Unanswerable("I could not tell which members to " + (shape == Intent.Shape.COUNT ? "count." : "list."));
        }
        List<Intent.Target> groups = new ArrayList<>();
        if (shape == Intent.Shape.COUNT) {
            while (targets.size() > 1) {
                groups.add(targets.remove(1)); // count the first members, per the others
            }
        }
        for (Mentions.Slot s : dims) {
            Intent.Target t = new Intent.Target(null, resolve.field(s, base, Meaning.Type.DIMENSION));
            (shape == Intent.Shape.COUNT ? groups : targets).add(t);
        }
        for (Intent.Target t : targets) {
            if (t.owner(model) != base && !resolve.reaches(base, new Meaning(Meaning.Type.TABLE, t.owner(model), null,
                    null, null, false))) {
                throw new Unanswerable("I cannot list " + t.describe() + " together with " + base.name() + ".");
            }
        }
        List<Intent.Clause> clauses = clauses(m, base);
        Periods periods = m.periods.size() > 1 && clauses.size() > 1 ? new Periods(null, null) : Periods.of(m, false);
        if (periods.period() != null && clauses.isEmpty()) {
            throw new Unanswerable("A period needs an activity or a measure: for example \""
                    + base.name() + " with " + model.defaultMetric().spokenName() + " in 2025\".");
        }
        List<Intent.Filter> filters = new ArrayList<>(resolve.filters(own(m.values, base, true), base));
        filters.addAll(resolve.namedAndNumeric(m, base));
        Intent.Rank rank = null;
        if (m.descending != null) {
            if (shape != Intent.Shape.COUNT || groups.isEmpty()) {
                throw new Unanswerable("A ranking needs a measure or a count to rank by.");
            }
            boolean one = m.dimensions.stream().anyMatch(Mentions.Slot::singular)
                    || m.entities.stream().skip(1).anyMatch(Mentions.Slot::singular);
            rank = new Intent.Rank(m.limit != null ? m.limit : one ? Integer.valueOf(1) : null, m.descending);
        } else if (m.limit != null) {
            throw new Unanswerable("I read " + m.limit + " as a number of rows, but not by what to rank them.");
        }
        return new Intent(shape, List.of(), groups, null, filters, periods.period(), null, rank, targets, clauses, null);
    }

    /** A value used as a plural noun for members ("endocrinologists"), of a table that is not an activity. */
    static Mentions.Slot pluralValue(Mentions m) {
        return m.values.stream().filter(v -> !v.singular() && !v.negated())
                .filter(v -> v.candidates().get(0).table() != null && !v.candidates().get(0).table().isFact())
                .filter(v -> v.candidates().get(0).table().label().map(l -> l != v.candidates().get(0).field())
                        .orElse(true))
                .findFirst().orElse(null);
    }

    private ModelTable countedEntity(Mentions m) {
        return m.metricSlots.stream().map(s -> resolve.countedEntity(s.candidates().get(0).field()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Values the member table reaches itself, or (own = false) the ones only an activity reaches. */
    private List<Mentions.Slot> own(List<Mentions.Slot> values, ModelTable base, boolean own) {
        return values.stream().filter(v -> v.candidates().stream().anyMatch(c -> resolve.reaches(base, c)) == own)
                .toList();
    }

    private List<Intent.Clause> clauses(Mentions m, ModelTable base) {
        List<Mentions.Slot> acts = new ArrayList<>(m.facts);
        m.metricSlots.forEach(acts::add);
        acts.sort(Comparator.comparingInt(Mentions.Slot::position));
        List<ModelTable> facts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Boolean> negated = new ArrayList<>();
        List<List<Mentions.Slot>> values = new ArrayList<>();
        for (Mentions.Slot a : acts) {
            ModelTable fact = a.candidates().get(0).type() == Meaning.Type.METRIC
                    ? model.tableOf(a.candidates().get(0).field()) : a.candidates().get(0).table();
            int last = facts.size() - 1;
            if (last >= 0 && facts.get(last) == fact && !a.negated()) {
                continue; // "wrote ... prescriptions": one activity named twice
            }
            facts.add(fact);
            positions.add(a.position());
            negated.add(a.negated());
            values.add(new ArrayList<>());
        }
        for (Mentions.Slot v : own(m.values, base, false)) {
            int at = clauseFor(v, acts, facts);
            if (at < 0) {
                ModelTable fact = model.tables().stream().filter(ModelTable::isFact)
                        .filter(t -> resolve.reaches(t, new Meaning(Meaning.Type.TABLE, base, null, null, null, false)))
                        .filter(t -> v.candidates().stream().anyMatch(c -> resolve.reaches(t, c))).findFirst()
                        .orElseThrow(() -> new Unanswerable("Nothing in the model links " + base.name() + " to \""
                                + v.candidates().get(0).value() + "\"."));
                facts.add(fact);
                positions.add(v.position());
                negated.add(false);
                values.add(new ArrayList<>());
                at = facts.size() - 1;
            }
            values.get(at).add(v);
        }
        splitNegatedValues(facts, positions, negated, values);
        Period[] periods = periodsPerClause(m, positions);
        List<Intent.Clause> clauses = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            ModelTable fact = facts.get(i);
            List<Mentions.Slot> vs = values.get(i).stream()
                    .map(s -> new Mentions.Slot(s.position(), s.candidates(), false, s.singular(), null)).toList();
            clauses.add(new Intent.Clause(fact, negated.get(i), resolve.filters(vs, fact), periods[i]));
        }
        return clauses;
    }

    /**
     * "wrote no Tirosint": a negated value negates its activity. "prescribed Synthroid but not Tirosint": the
     * negated values become their own negated activity beside the positive one.
     */
    private static void splitNegatedValues(List<ModelTable> facts, List<Integer> positions, List<Boolean> negated,
                                           List<List<Mentions.Slot>> values) {
        for (int i = 0, n = facts.size(); i < n; i++) {
            List<Mentions.Slot> no = values.get(i).stream().filter(Mentions.Slot::negated).toList();
            if (no.isEmpty()) {
                continue;
            }
            if (no.size() == values.get(i).size()) {
                negated.set(i, true);
                continue;
            }
            values.get(i).removeAll(no);
            facts.add(facts.get(i));
            positions.add(no.get(0).position());
            negated.add(true);
            values.add(new ArrayList<>(no));
        }
    }

    /** With several periods ("called in Q4 2024 who wrote no Tirosint in 2025") each goes to the activity before it. */
    private static Period[] periodsPerClause(Mentions m, List<Integer> positions) {
        Period[] out = new Period[positions.size()];
        if (m.periods.size() < 2 || positions.size() < 2) {
            return out;
        }
        for (int p = 0; p < m.periods.size(); p++) {
            if (m.periods.get(p).second() != null) {
                throw new Unanswerable("I can give each activity one period, not a pair of periods.");
            }
            int at = m.periodPositions.get(p);
            int best = -1;
            for (int i = 0; i < positions.size(); i++) {
                if (positions.get(i) < at && (best < 0 || positions.get(i) > positions.get(best))) {
                    best = i;
                }
            }
            out[best < 0 ? 0 : best] = m.periods.get(p).first();
        }
        return out;
    }

    /** The activity a value belongs to: the closest one named before it that reaches it, else after it. */
    private int clauseFor(Mentions.Slot v, List<Mentions.Slot> acts, List<ModelTable> facts) {
        // "Tirosint prescriptions", "Flector writers": a value right before an activity word belongs to it
        for (Mentions.Slot a : acts) {
            if (a.position() == v.position() + 1) {
                ModelTable f = a.candidates().get(0).field() != null ? model.tableOf(a.candidates().get(0).field())
                        : a.candidates().get(0).table();
                int i = facts.indexOf(f);
                if (i >= 0 && v.candidates().stream().anyMatch(c -> resolve.reaches(f, c))) {
                    return i;
                }
            }
        }
        int best = -1;
        for (int i = 0; i < facts.size(); i++) {
            ModelTable f = facts.get(i);
            if (v.candidates().stream().noneMatch(c -> resolve.reaches(f, c))) {
                continue;
            }
            int pos = positionOf(f, acts);
            if (pos < v.position() || best < 0) {
                best = i;
            }
        }
        return best;
    }

    private int positionOf(ModelTable fact, List<Mentions.Slot> acts) {
        return acts.stream().filter(a -> (a.candidates().get(0).table() == fact
                || a.candidates().get(0).field() != null && model.tableOf(a.candidates().get(0).field()) == fact))
                .mapToInt(Mentions.Slot::position).findFirst().orElse(Integer.MAX_VALUE);
    }
}
