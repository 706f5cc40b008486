package io.nl2q.hub.semantic;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.warehouse.TenantWarehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a question into SQL through the semantic model, deterministically and without an LLM, or refuses with
 * suggestions. Holds no domain knowledge: the model says what words mean, each tenant's warehouse which values exist.
 * Thread-safe; per-tenant indexes are built on first use and kept until {@link #forget}.
 */
public final class SemanticEngine {
    public static final String ENGINE = "semantic";
    private final SemanticModel model;
    private final JoinPlanner joins;
    private final IntentResolver resolver;
    private final AggregateSql aggregates;
    private final MemberSql members;
    private final Map<String, TenantContext> tenants = new ConcurrentHashMap<>();

    SemanticEngine(SemanticModel model) {
        this.model = model;
        this.joins = new JoinPlanner(model);
        this.resolver = new IntentResolver(model, joins);
        this.aggregates = new AggregateSql(model, joins);
        this.members = new MemberSql(model, joins);
    }

    public static SemanticEngine load(java.nio.file.Path modelFile) {
        return new SemanticEngine(ModelLoader.load(modelFile));
    }

    /** What one tenant's questions are read against. */
    private record TenantContext(TenantIndex index, QuestionReader reader, Suggestions suggestions) {
    }

    public GeneratedQuery generate(String question, TenantWarehouse warehouse) {
        TenantContext ctx = tenants.computeIfAbsent(warehouse.tenant().id(), id -> context(warehouse));
        try {
            QuestionReader.Reading reading = ctx.reader().read(question);
            if (!reading.unknown().isEmpty()) {
                throw new Unanswerable("I do not know what " + quoted(reading.unknown()) + " means in this model, so I "
                        + "will not guess.", ctx.suggestions().forWords(reading.unknown()));
            }
            if (reading.terms().isEmpty()) {
                throw new Unanswerable("The question has no words I can use.");
            }
            Mentions mentions = MentionScanner.scan(reading.terms(), reading.verbs());
            mentions.asOf = ctx.index().asOf() == null ? LocalDate.now() : ctx.index().asOf();
            mentions.indexedValues = ctx.index().values();
            Intent intent;
            try {
                intent = resolver.resolve(mentions);
            } catch (Unanswerable e) {
                // "what did Cytomel amass": with nothing to compute, the dropped verb is what the user meant
                throw reading.light().isEmpty() || !mentions.metrics.isEmpty() ? e : verbOnly(reading, ctx);
            }
            boolean ofAMarket = intent.shape() == Intent.Shape.SHARE && mentions.shareOfWhole >= 0; // "did Licart hold"
            if (!reading.light().isEmpty() && mentions.metrics.isEmpty() && !ofAMarket
                    && (intent.shape() == Intent.Shape.AGGREGATE
                    || intent.shape() == Intent.Shape.SHARE || intent.shape() == Intent.Shape.GROWTH
                    || intent.shape() == Intent.Shape.PERIODS)) {
                // "how much was paid": the verb is the only word saying what to compute, so no default measure
                throw verbOnly(reading, ctx);
            }
            checkCovered(intent.period(), ctx.index());
            checkCovered(intent.base(), ctx.index());
            Compiled c = intent.shape() == Intent.Shape.COUNT || intent.shape() == Intent.Shape.MEMBERS
                    ? members.compile(intent, warehouse.dialect()) : aggregates.compile(intent, warehouse.dialect());
            List<String> dropped = new ArrayList<>(reading.ignored());
            dropped.addAll(reading.light());
            String explanation = c.explanation() + (mentions.readings.isEmpty() ? ""
                    : " (How I read your question: " + String.join("; ", mentions.readings) + ".)")
                    + (reading.corrections().isEmpty() ? ""
                    : " (Read " + String.join(", ", reading.corrections()) + ".)")
                    + (dropped.isEmpty() ? "" : " (Ignored as carrying no data meaning: " + String.join(", ", dropped)
                    + ".)");
            return new GeneratedQuery(c.sql(), ENGINE, explanation, c.chart());
        } catch (Unanswerable e) {
            List<String> suggestions = e.suggestions().isEmpty() ? ctx.suggestions().withExamples(List.of())
                    : ctx.suggestions().withExamples(e.suggestions());
            throw new HubException(ErrorCode.UNANSWERABLE, Phase.GENERATE, e.getMessage(), suggestions, null);
        }
    }

    /** The latest date of the tenant's data (its index is read first if it is not yet). */
    public java.util.Optional<LocalDate> asOf(TenantWarehouse warehouse) {
        return java.util.Optional.ofNullable(tenants.computeIfAbsent(warehouse.tenant().id(), id -> context(warehouse))
                .index().asOf());
    }

    /** The words a question can use for the tenant: measures, dimensions, values and the model's verified questions. */
    Terms terms(TenantWarehouse warehouse) {
        TenantIndex index = tenants.computeIfAbsent(warehouse.tenant().id(), id -> context(warehouse)).index();
        List<String> measures = new ArrayList<>();
        List<String> dimensions = new ArrayList<>();
        for (ModelTable t : model.tables()) {
            for (Field f : t.fields()) {
                switch (f.kind()) {
                    case METRIC -> measures.add(f.spokenName());
                    case DIMENSION, TIME_DIMENSION -> dimensions.add(f.spokenName());
                    default -> { }
                }
            }
        }
        List<String> values = index.values().values().stream().flatMap(List::stream).distinct().sorted().toList();
        return new Terms(measures, dimensions, values,
                model.verifiedQueries().stream().map(VerifiedQuery::question).toList());
    }

    record Terms(List<String> measures, List<String> dimensions, List<String> values, List<String> verified) {
    }

    /** Drops a tenant's index, so values and the as-of date are read again (after its data changed). */
    public void forget(String tenantId) {
        tenants.remove(tenantId);
    }

    private TenantContext context(TenantWarehouse warehouse) {
        TenantIndex index = TenantIndex.read(model, warehouse);
        Lexicon lexicon = new Lexicon(model, index.values());
        LocalDate asOf = index.asOf() == null ? LocalDate.now() : index.asOf();
        return new TenantContext(index, new QuestionReader(lexicon,
                new TimeParser(asOf, index.dataFrom() == null ? asOf.minusYears(2) : index.dataFrom().withDayOfYear(1))),
                new Suggestions(lexicon.display(), model));
    }

    /** A period outside the data would return an empty or partial answer that looks like a real one. */
    private static void checkCovered(Period p, TenantIndex index) {
        if (p == null || index.asOf() == null) {
            return;
        }
        LocalDate first = index.dataFrom().withDayOfYear(1);
        if (p.from().isAfter(index.asOf()) || p.from().isBefore(first)) {
            throw new Unanswerable("The data cover " + index.dataFrom() + " to " + index.asOf() + "; "
                    + p.describe() + " is not within them.");
        }
    }

    /** A refusal naming the verbs dropped when nothing else says what to compute. */
    private Unanswerable verbOnly(QuestionReader.Reading reading, TenantContext ctx) {
        return new Unanswerable("I do not know what " + quoted(reading.light()) + " measures in this model; "
                + "name a measure, for example " + model.defaultMetric().spokenName() + ".",
                ctx.suggestions().forWords(reading.light()));
    }

    private static String quoted(List<String> words) {
        List<String> q = new ArrayList<>();
        words.forEach(w -> q.add("\"" + w + "\""));
        return String.join(", ", q);
    }
}
