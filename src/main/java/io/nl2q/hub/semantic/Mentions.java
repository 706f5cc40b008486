package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.util.ArrayList;
import java.util.List;

/**
 * What a question mentions, in order, before it is resolved against the model's joins: candidate meanings stay open
 * until the fact table is known (a "channel" of prescriptions is not a channel of calls).
 */
final class Mentions {
    /** A mention at a position; {@code candidates} are the meanings it may have, best first. */
    record Slot(int position, List<Meaning> candidates, boolean negated, boolean singular, Integer number) {
        Slot {
            candidates = List.copyOf(candidates);
        }

        /** A table named at {@code position}: its members, or for a fact table the activity ("a call"). */
        static Slot of(int position, ModelTable table, boolean negated, boolean singular) {
            return new Slot(position, List.of(new Meaning(Meaning.Type.TABLE, table, null, null, null, false)), negated,
                    singular, null);
        }
    }

    /** "called at least 5 times", "the 10 most-called": the one activity named by its verb, counted by its rows. */
    void countTheActivity() {
        if (metrics.isEmpty() && facts.size() == 1) {
            facts.get(0).candidates().get(0).table().rowCount().ifPresent(f -> {
                metrics.add(f);
                facts.clear();
            });
        }
    }

    final List<Field> metrics = new ArrayList<>();
    final List<Slot> metricSlots = new ArrayList<>();
    final List<Slot> dimensions = new ArrayList<>();
    final List<Slot> entities = new ArrayList<>();
    final List<Slot> facts = new ArrayList<>();
    final List<Slot> values = new ArrayList<>();
    final List<Slot> namedFilters = new ArrayList<>();
    final List<Slot> numericFilters = new ArrayList<>();
    /** The upper end of a numeric filter's range, by the filter's position ("deciles 7 to 10", "8 or more"). */
    final java.util.Map<Integer, Integer> upTo = new java.util.HashMap<>();
    final List<TimeParser.Span> periods = new ArrayList<>();
    final List<Integer> periodPositions = new ArrayList<>();
    /** Positions of dimensions and tables named after by/per/each: groupings, never the members asked for. */
    final java.util.Set<Integer> grouped = new java.util.HashSet<>();
    /** Positions of tables and dimensions named as who did an activity ("minutes the reps logged"): never groupings. */
    final java.util.Set<Integer> actors = new java.util.HashSet<>();
    /** How words were read beyond their plain meaning, for the answer's "how I read your question". */
    final List<String> readings = new ArrayList<>();
    Slot partition;
    TimeGrain grain;
    /** "which month": one period asked for. */
    boolean grainSingular;
    boolean trend;
    boolean share;
    boolean growth;
    boolean declining;
    boolean versus;
    boolean count;
    boolean list;
    /** "which payers": members asked for, so a table named beside a value is still what rows are made of. */
    boolean which;
    /** "wrote both A and B": each listed member must hold on its own. */
    boolean both;
    /** "A and B combined", "together": listed members summed into one figure. */
    boolean combined;
    /** "YoY", "quarter over quarter": a grain word that only names the kind of change. */
    boolean changeGrain;
    /** The grain was asked as a series ("by year", "quarterly", "month by month"), not only as a change's (YoY). */
    boolean grainGrouped;
    /** Terms naming an activity the members had ("at least one call"), not a measure. */
    final java.util.Set<Integer> activityAt = new java.util.HashSet<>();
    /** The grain was said as a grouping ("by quarter", "each month"), not as an adjective ("weekly"). */
    boolean grainBy;
    /** Where the (first) grain word was said. */
    int grainAt = -1;
    /** A verb was negated ("didn't log", "haven't had"), not only a value ("non-virtual"). */
    boolean verbNegated;
    /** "as a %", "what percent of", "pct change": fractions are wanted as percentages too. */
    boolean percent;
    /** "TRx per call": a measure over a measure of another activity. */
    boolean acrossRatio;
    /** The grain a change word names ("YoY": year), when one does. */
    TimeGrain changeGrainOf;
    /** The term after which the question names what goes across as columns ("one column per channel"); -1 if none. */
    int pivotAt = -1;
    /** "side by side": members listed are set beside each other, a column each, when a series is asked. */
    boolean sideBySide;
    /** The tenant's canonical values of each enumerated dimension, for columns named by a dimension. */
    java.util.Map<Field, List<String>> indexedValues = java.util.Map.of();
    /** "average", "avg", "ratio": a measure over a count of members, or one measure over another. */
    boolean ratio;
    int ratioPosition = -1;
    /** Where "average"/"mean" was said, when it was (not "ratio"). */
    int averageAt = -1;
    /** "... ? ranked": the whole ranking is asked for, even after "which X has the most". */
    boolean rankAll;
    /** "Tirosint share and Tirosint TRx": a share and a plain measure asked together. */
    boolean shareAndMeasure;
    /** "share of Tirosint TRx (from Commercial)": the value and measure after "share of" name the whole. */
    int shareOfWhole = -1;
    /** "Commercial share of Tirosint TRx", "share of calls that were virtual": values naming a segment's part. */
    final List<Slot> segment = new ArrayList<>();
    /** Tables named after "all" ("calls (all products)"): no value of theirs may restrict the question. */
    final java.util.Set<ModelTable> allOf = new java.util.HashSet<>();
    /** Positions of a table or dimension said as "any channel", "(all products)": every one of them, no grouping. */
    final java.util.Set<Integer> anyOf = new java.util.HashSet<>();
    /** Positions of "split", "across", "breakdown": values listed after them are what the measure is split by. */
    final List<Integer> splitAt = new ArrayList<>();
    /** Positions of dimensions said as "with their specialty": a column beside the members, not a regrouping. */
    final java.util.Set<Integer> besideMembers = new java.util.HashSet<>();
    /** Positions of a table named as the owner of the dimension before it ("specialty of the HCP"). */
    final java.util.Set<Integer> ofOwner = new java.util.HashSet<>();
    /** "YoY growth for Q3": the one period given is compared with the same period a year before. */
    boolean yearAgo;
    /**
     * Positions of tables and dimensions named beside a value or number ("Commercial payers", "decile 10 HCPs",
     * "the Denver rep"): they say whose rows are meant, not how to group them.
     */
    final java.util.Set<Integer> qualified = new java.util.HashSet<>();
    Boolean descending;
    Integer limit;
    int rankPosition = -1;
    /** The data's as-of date, for periods a question implies ("YoY growth"). */
    java.time.LocalDate asOf;
    /** "more than 40": a threshold each member's measure must pass. */
    Intent.Threshold threshold;
}
