package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The activity clauses of a member question: each activity named (a verb like "called" or a measure like "scripts"),
 * the values that belong to it, whether it is negated, and its period when each activity has its own.
 */
final class ClauseBuilder {
    private final SemanticModel model;
    private final Resolve resolve;

    ClauseBuilder(SemanticModel model, Resolve resolve) {
        this.model = model;
        this.resolve = resolve;
    }

    List<Intent.Clause> clauses(Mentions m, ModelTable base) {
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
        // a value only one activity reaches ("not covered") opens its clause first, so a value many reach
        // ("Flector") joins that same row rather than opening an independent EXISTS over another activity
        List<Mentions.Slot> own = new ArrayList<>(MemberResolver.own(resolve, m.values, base, false));
        // a named filter of a related activity ("cover" = formulary status Preferred or Covered) belongs to its row
        List<Mentions.Slot> related = MemberResolver.own(resolve, m.namedFilters, base, false);
        m.namedFilters.removeAll(related);
        own.addAll(related);
        own.sort(Comparator.<Mentions.Slot>comparingLong(v -> reachingFacts(v, base))
                .thenComparingInt(v -> model.tables().stream().anyMatch(t -> t.isFact() && holds(t, v)) ? 0 : 1));
        for (Mentions.Slot v : own) {
            int at = clauseFor(v, acts, facts);
            if (at < 0) {
                // a value of an activity's own row ("covered": a formulary status) opens that activity, never one
                // that merely joins to it (a prescription paid under that formulary row)
                boolean held = model.tables().stream().anyMatch(t -> t.isFact() && holds(t, v));
                ModelTable fact = model.tables().stream().filter(ModelTable::isFact)
                        .filter(t -> !held || holds(t, v))
                        .filter(t -> resolve.reaches(t, new Meaning(Meaning.Type.TABLE, base, null, null, null, false)))
                        .filter(t -> v.candidates().stream().anyMatch(c -> resolve.reaches(t, c))).findFirst()
                        .orElseThrow(() -> new Unanswerable("Nothing in the model links " + base.name() + " to \""
                                + (v.candidates().get(0).value() != null ? v.candidates().get(0).value()
                                : v.candidates().get(0).describe()) + "\"."));
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
            List<Mentions.Slot> yes = values.get(i).stream().filter(v -> !v.negated()).toList();
            if (yes.stream().anyMatch(y -> no.stream().noneMatch(x -> sameField(y, x)))) {
                // "payers that do not cover Flector": the negation is of one row (Flector's status), not of a second
                // activity beside "has Flector rows"; which reading is meant cannot be told apart safely
                throw new Unanswerable("I cannot tell whether \"not\" negates the whole " + facts.get(i).name()
                        + " row or only one of its values here; please rephrase (for example with the status).");
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
                    // "targeted for Tirosint called in 2025": an activity named before the value reaches it too
                    // (only one right before it: "called this year without any Tirosint-SOL prescriptions" is clear)
                    boolean earlier = acts.stream().filter(b -> b.position() < v.position()
                                    && v.position() - b.position() <= 2).map(this::tableOf)
                            .anyMatch(g -> g != f && v.candidates().stream().anyMatch(c -> resolve.reaches(g, c)));
                    if (earlier) {
                        throw new Unanswerable("I cannot tell which activity \"" + v.candidates().get(0).describe()
                                + "\" belongs to here; please rephrase.");
                    }
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

    private boolean holds(ModelTable fact, Mentions.Slot v) {
        return v.candidates().stream().anyMatch(c -> (c.field() != null ? model.tableOf(c.field()) : c.table()) == fact);
    }

    private ModelTable tableOf(Mentions.Slot a) {
        return a.candidates().get(0).field() != null ? model.tableOf(a.candidates().get(0).field())
                : a.candidates().get(0).table();
    }

    private static boolean sameField(Mentions.Slot a, Mentions.Slot b) {
        return a.candidates().stream().anyMatch(x -> b.candidates().stream()
                .anyMatch(y -> x.field() != null && x.field() == y.field()));
    }

    private long reachingFacts(Mentions.Slot v, ModelTable base) {
        return model.tables().stream().filter(ModelTable::isFact)
                .filter(t -> resolve.reaches(t, new Meaning(Meaning.Type.TABLE, base, null, null, null, false)))
                .filter(t -> v.candidates().stream().anyMatch(c -> resolve.reaches(t, c))).count();
    }

    private int positionOf(ModelTable fact, List<Mentions.Slot> acts) {
        return acts.stream().filter(a -> (a.candidates().get(0).table() == fact
                || a.candidates().get(0).field() != null && model.tableOf(a.candidates().get(0).field()) == fact))
                .mapToInt(Mentions.Slot::position).findFirst().orElse(Integer.MAX_VALUE);
    }
}
