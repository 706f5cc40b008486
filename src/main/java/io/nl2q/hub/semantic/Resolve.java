package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks, for each mention, the one meaning that fits the table a question is computed over, or refuses. */
final class Resolve {
    private static final java.util.regex.Pattern DISTINCT_COUNT = java.util.regex.Pattern.compile(
            "(?i)COUNT\\s*\\(\\s*DISTINCT\\s+(?:CASE\\b.*\\bTHEN\\s+)?([a-z_][a-z0-9_]*)");
    private final SemanticModel model;
    private final JoinPlanner joins;

    Resolve(SemanticModel model, JoinPlanner joins) {
        this.model = model;
        this.joins = joins;
    }

    boolean reaches(ModelTable base, Meaning m) {
        ModelTable t = m.field() != null ? model.tableOf(m.field()) : m.table();
        return joins.reaches(base.name(), t.name());
    }

    Field field(Mentions.Slot slot, ModelTable base, Meaning.Type type) {
        List<Meaning> fits = fitting(slot, base, type);
        if (fits.isEmpty()) {
            Meaning any = slot.candidates().get(0);
            throw new Unanswerable("\"" + any.describe() + "\" cannot be combined with " + base.name()
                    + ": the model declares no join from " + base.name() + " to it.");
        }
        return fits.get(0).field();
    }

    /** The canonical value a mention names; a value of a table's label wins a tie (a product over a molecule). */
    Meaning value(Mentions.Slot slot, ModelTable base) {
        List<Meaning> fits = fitting(slot, base, Meaning.Type.VALUE);
        if (fits.isEmpty()) {
            Meaning any = slot.candidates().get(0);
            throw new Unanswerable("\"" + any.value() + "\" (" + any.field().spokenName() + ") cannot be combined with "
                    + base.name() + ".");
        }
        List<Meaning> distinct = fits.stream().filter(m -> m.field() == fits.get(0).field()).toList();
        if (distinct.size() == fits.size()) {
            return fits.get(0);
        }
        List<Meaning> labels = fits.stream()
                .filter(m -> model.tableOf(m.field()).label().map(l -> l == m.field()).orElse(false)).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        throw new Unanswerable("\"" + fits.get(0).value() + "\" is ambiguous here.",
                fits.stream().map(m -> m.field().spokenName() + " " + m.value()).toList());
    }

    /**
     * "payer channel (commercial, Part D, Medicaid, cash)": a value of two dimensions listed with values of only one of
     * them is that one's.
     */
    private java.util.Optional<Meaning> besideItsList(Mentions.Slot slot, ModelTable base, List<Mentions.Slot> all) {
        List<Meaning> fits = fitting(slot, base, Meaning.Type.VALUE);
        if (fits.stream().map(Meaning::field).distinct().count() < 2) {
            return java.util.Optional.empty();
        }
        java.util.Set<Field> listed = new java.util.HashSet<>();
        for (Mentions.Slot other : all) {
            List<Meaning> o = other == slot ? List.of() : fitting(other, base, Meaning.Type.VALUE);
            if (!o.isEmpty() && o.stream().map(Meaning::field).distinct().count() == 1) {
                listed.add(o.get(0).field());
            }
        }
        List<Meaning> inList = fits.stream().filter(m -> listed.contains(m.field())).toList();
        return inList.stream().map(Meaning::field).distinct().count() == 1 ? java.util.Optional.of(inList.get(0))
                : java.util.Optional.empty();
    }

    /** The values a leading word names on a dimension declared with match_words, or none. */
    private List<Meaning> wordGroup(Mentions.Slot slot, ModelTable base) {
        List<Meaning> fits = fitting(slot, base, Meaning.Type.VALUE);
        boolean group = fits.size() > 1 && fits.stream().allMatch(m -> m.weak() && m.field().matchWords()
                && m.field() == fits.get(0).field());
        return group ? fits : List.of();
    }

    private List<Meaning> fitting(Mentions.Slot slot, ModelTable base, Meaning.Type type) {
        List<Meaning> all = slot.candidates().stream().filter(m -> m.type() == type).filter(m -> reaches(base, m))
                .toList();
        List<Meaning> strong = all.stream().filter(m -> !m.weak()).toList();
        return strong.isEmpty() ? all : strong;
    }

    /** Value mentions of one dimension merged into one filter, kept apart by negation ("except", "not"). */
    List<Intent.Filter> filters(List<Mentions.Slot> values, ModelTable base) {
        Map<String, List<String>> positive = new LinkedHashMap<>();
        Map<String, List<String>> negative = new LinkedHashMap<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        List<Intent.Filter> named = new ArrayList<>();
        for (Mentions.Slot s : values) {
            if (s.candidates().stream().anyMatch(c -> c.type() == Meaning.Type.FILTER)) {
                named.add(new Intent.Filter(field(s, base, Meaning.Type.FILTER), List.of(), null, s.negated()));
                continue;
            }
            List<Meaning> group = wordGroup(s, base);
            if (!group.isEmpty()) {
                // "diclofenac products": every value the word begins, one filter
                Field f = group.get(0).field();
                fields.put(f.qualifiedName(), f);
                List<String> list = (s.negated() ? negative : positive).computeIfAbsent(f.qualifiedName(),
                        k -> new ArrayList<>());
                group.stream().map(Meaning::value).filter(x -> !list.contains(x)).forEach(list::add);
                continue;
            }
            Meaning v = besideItsList(s, base, values).orElseGet(() -> value(s, base));
            fields.put(v.field().qualifiedName(), v.field());
            List<String> list = (s.negated() ? negative : positive).computeIfAbsent(v.field().qualifiedName(),
                    k -> new ArrayList<>());
            if (!list.contains(v.value())) {
                list.add(v.value());
            }
        }
        List<Intent.Filter> out = new ArrayList<>();
        positive.forEach((k, vs) -> out.add(new Intent.Filter(fields.get(k), vs, null, false)));
        negative.forEach((k, vs) -> out.add(new Intent.Filter(fields.get(k), vs, null, true)));
        out.addAll(named);
        return out;
    }

    List<Intent.Filter> namedAndNumeric(Mentions m, ModelTable base) {
        List<Intent.Filter> out = new ArrayList<>();
        m.namedFilters.forEach(s -> out.add(new Intent.Filter(field(s, base, Meaning.Type.FILTER), List.of(), null,
                s.negated())));
        m.numericFilters.forEach(s -> out.add(new Intent.Filter(field(s, base, Meaning.Type.DIMENSION), List.of(),
                s.number(), s.negated(), m.upTo.get(s.position()))));
        return out;
    }

    /**
     * The members a distinct-count measure counts ("writers" counts DISTINCT hcp_id of prescriptions): the table its
     * counted column joins to; null for other measures.
     */
    ModelTable countedEntity(Field metric) {
        java.util.regex.Matcher x = DISTINCT_COUNT.matcher(metric.expr());
        if (!x.find()) {
            return null;
        }
        for (Relationship r : model.relationships()) {
            if (r.leftTable().equals(metric.table()) && r.columns().size() == 1
                    && r.columns().get(0).left().equals(x.group(1))) {
                return model.table(r.rightTable()).orElseThrow();
            }
        }
        return null;
    }
}
