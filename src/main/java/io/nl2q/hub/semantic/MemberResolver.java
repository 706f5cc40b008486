package io.nl2q.hub.semantic;

import java.util.ArrayList;
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
        // "how many docs did reps visit": who did the activity is no grouping
        m.entities.stream().filter(s -> !actor(m, s))
                .forEach(s -> targets.add(new Intent.Target(s.candidates().get(0).table(), null)));
        List<Mentions.Slot> dims = new ArrayList<>(m.dimensions);
        dims.removeIf(d -> actor(m, d));
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
        List<Intent.Clause> clauses = new ClauseBuilder(model, resolve).clauses(m, base);
        if (m.both) {
            clauses = eachOnItsOwn(clauses);
        }
        Periods periods = m.periods.size() > 1 && clauses.size() > 1 ? new Periods(null, null) : Periods.of(m, false);
        if (periods.period() != null && clauses.isEmpty()) {
            throw new Unanswerable("A period needs an activity or a measure: for example \""
                    + base.name() + " with " + model.defaultMetric().spokenName() + " in 2025\".");
        }
        List<Intent.Filter> filters = new ArrayList<>(resolve.filters(own(resolve, m.values, base, true), base));
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
        return new Intent(shape, List.of(), groups, null, filters, periods.period(), null, rank, targets, clauses, null, List.of(), null);
    }

    /** A value used as a plural noun for members ("endocrinologists"), of a table that is not an activity. */
    private static boolean actor(Mentions m, Mentions.Slot s) {
        return m.actors.contains(s.position()) && !m.grouped.contains(s.position());
    }

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
    static List<Mentions.Slot> own(Resolve resolve, List<Mentions.Slot> values, ModelTable base, boolean own) {
        return values.stream().filter(v -> v.candidates().stream().anyMatch(c -> resolve.reaches(base, c)) == own)
                .toList();
    }

    /** "wrote both Tirosint and Flector": one clause per listed member, so each must hold, not either. */
    private static List<Intent.Clause> eachOnItsOwn(List<Intent.Clause> clauses) {
        List<Intent.Clause> out = new java.util.ArrayList<>();
        for (Intent.Clause c : clauses) {
            Intent.Filter listed = c.negated() ? null : c.filters().stream()
                    .filter(f -> !f.negated() && f.values().size() > 1).findFirst().orElse(null);
            if (listed == null) {
                out.add(c);
                continue;
            }
            for (String v : listed.values()) {
                List<Intent.Filter> filters = new java.util.ArrayList<>(c.filters());
                filters.set(filters.indexOf(listed), new Intent.Filter(listed.field(), List.of(v), listed.number(), false));
                out.add(new Intent.Clause(c.fact(), false, filters, c.period()));
            }
        }
        return out;
    }
}
