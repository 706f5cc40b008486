package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.util.List;

/** What a ranking ranks and how many rows it keeps: "top 5 endos", "the 10 most-called", "which region had the most". */
final class Rankings {
    private final SemanticModel model;
    private final Resolve resolve;

    Rankings(SemanticModel model, Resolve resolve) {
        this.model = model;
        this.resolve = resolve;
    }

    /** "the 10 most-called doctors": the superlative of an activity's verb ranks by how many of it each has. */
    static void rankByActivity(Mentions m) {
        if (m.descending != null && m.facts.size() == 1 && m.facts.get(0).position() > m.rankPosition
                && m.facts.get(0).position() <= m.rankPosition + 3) {
            m.countTheActivity();
        }
    }

    /**
     * "top 20 Flector writers": a ranking of the members a distinct-count measure counts, by the default measure,
     * rather than a ranking of one number.
     */
    void rankCountedMembers(Mentions m) {
        if (m.descending == null || !m.entities.isEmpty()
                || m.dimensions.stream().anyMatch(d -> !m.besideMembers.contains(d.position()))) {
            return;
        }
        for (Mentions.Slot s : List.copyOf(m.metricSlots)) {
            ModelTable entity = resolve.countedEntity(s.candidates().get(0).field());
            if (entity != null) {
                m.metrics.remove(s.candidates().get(0).field());
                m.metricSlots.remove(s);
                m.entities.add(new Mentions.Slot(s.position(), List.of(new Meaning(Meaning.Type.TABLE, entity, null,
                        null, null, false)), false, s.singular(), null));
                return;
            }
        }
    }

    Intent.Rank rank(Mentions m, List<Intent.Target> groups, TimeGrain grain) {
        if (m.descending == null) {
            if (m.limit != null) {
                throw new Unanswerable("I read " + m.limit + " as a number of rows, but not by what to rank them.");
            }
            return null;
        }
        if (groups.isEmpty() && grain != null) {
            return new Intent.Rank(m.limit != null ? m.limit : m.grainSingular ? Integer.valueOf(1) : null,
                    m.descending); // "which month had the highest TRx"
        }
        if (groups.isEmpty()) {
            // "top 5 endos by NRx": the value names whose members are ranked (HCPs of that specialty)
            m.values.stream().filter(v -> !v.negated() && v.position() > m.rankPosition
                    && v.position() <= m.rankPosition + 3).map(v -> v.candidates().get(0).table())
                    .filter(t -> !t.isFact() && t.label().isPresent() && !t.primaryKey().isEmpty()
                            && resolve.reaches(model.tableOf(m.metrics.isEmpty() ? model.defaultMetric()
                            : m.metrics.get(0)), new Meaning(Meaning.Type.TABLE, t, null, null, null, false)))
                    .findFirst().ifPresent(t -> groups.add(new Intent.Target(t, null)));
        }
        if (groups.isEmpty()) {
            throw new Unanswerable("A ranking needs something to rank: say by what, for example \"top 10 "
                    + model.tables().stream().filter(t -> !t.isFact()).findFirst().map(ModelTable::name).orElse("")
                    + " by " + model.defaultMetric().spokenName() + "\".");
        }
        Integer limit = m.limit;
        long beside = groups.stream().filter(g -> g.field() != null && m.dimensions.stream().anyMatch(d ->
                m.besideMembers.contains(d.position()) && d.candidates().stream().anyMatch(c -> c.field() == g.field())))
                .count();
        if (groups.size() - beside > 1 && (limit != null || singular(m))) {
            throw new Unanswerable("A top or bottom N within each group is not something I compute yet; ask for one"
                    + " grouping, or for the whole breakdown.");
        }
        if (limit == null) {
            limit = singular(m) && !m.rankAll ? Integer.valueOf(1) : null;
        }
        return new Intent.Rank(limit, m.descending);
    }

    /** "which region had the highest": one row asked for. */
    private static boolean singular(Mentions m) {
        return m.dimensions.stream().anyMatch(Mentions.Slot::singular) || m.entities.stream().anyMatch(Mentions.Slot::singular);
    }
}
