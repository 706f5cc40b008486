package io.nl2q.hub.semantic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analytic words of English that shape a question (rank, break down, trend, share, growth, count, negate). They
 * are domain-free; every domain word comes from the semantic model.
 */
enum Keyword {
    TOP, BOTTOM, MOST, LEAST, GROUP, WHICH, TREND, WEEKLY, MONTHLY, QUARTERLY, YEARLY, SHARE, GROWTH, VERSUS, COUNT,
    LIST, NEGATION, EXCEPT, COMBINED, RATIO, PIVOT, PERCENT, SIDE, STOP;

    private static final Map<String, Keyword> PHRASES = new HashMap<>();

    static {
        put(TOP, "ranked descending", "in descending order", "descending", "sorted descending",
                "top", "rank", "ranked", "ranking", "rankings", "rank order", "leading", "best", "biggest", "largest", "highest", "greatest", "longest");
        put(BOTTOM, "ranked ascending", "in ascending order", "ascending", "sorted ascending",
                "bottom", "lowest", "smallest", "worst", "weakest", "shortest");
        put(MOST, "most", "the most", "more", "max", "maximum", "strongest", "fastest");
        put(LEAST, "least", "the least", "fewest", "min", "minimum", "slowest");
        put(GROUP, "by", "per", "each", "every", "across", "broken down by", "breakdown", "break down", "split by",
                "grouped by", "wise", "for each", "for every", "by each", "split", "splitting");
        put(WHICH, "which", "what");
        put(TREND, "trend", "trends", "trending", "over time", "trajectory", "time series", "evolution");
        put(WEEKLY, "which week", "what week", "weekly", "week over week", "by week", "by weeks", "for each week", "for every week", "every week", "weeks as", "per week", "each week", "week by week", "wow");
        put(MONTHLY, "which month", "what month", "monthly", "month over month", "by month", "by months", "for each month", "for every month", "every month", "per month", "each month", "month by month", "mom");
        put(QUARTERLY, "which quarter", "what quarter", "quarterly", "quarter over quarter", "by quarter", "by quarters", "for each quarter", "for every quarter", "every quarter", "per quarter", "each quarter", "qoq",
                "quarter by quarter");
        put(YEARLY, "which year", "what year", "yearly", "annual", "annually", "year over year", "by year", "by years", "for each year", "for every year", "every year", "per year", "each year", "yoy",
                "year by year");
        put(SHARE, "share", "shares", "share of", "percent share", "percentage share", "percentage", "percentage of",
                "percent of", "pct of", "proportion", "proportion of", "fraction", "fraction of", "as a fraction of",
                "as a share of", "as a proportion of", "as a percentage of", "as a percent of");
        put(GROWTH, "growth", "grew", "grow", "grown", "growing", "change", "changed", "increase", "increased",
                "decrease", "decreased", "decline", "declined", "gain", "gained", "gains", "growth rate",
                "percent change", "pct change");
        put(VERSUS, "vs", "versus", "compared to", "compared with", "compare", "comparison", "against", "relative to");
        put(COUNT, "how many", "number of", "count of", "count", "counts", "no of", "num of", "total number of");
        put(LIST, "list", "list of", "names of", "name the", "enumerate", "who are", "show all", "pull up", "bring up");
        put(NEGATION, "no", "not", "never", "without", "zero", "none", "didn", "haven", "hasn", "did not",
                "have not", "has not", "do not", "does not", "non");
        put(EXCEPT, "except", "excluding", "exclude", "other than", "besides", "apart from", "outside", "leaving out",
                "leave out", "not counting", "excl");
        put(RATIO, "average", "averages", "avg", "mean", "on average", "ratio", "ratio of", "rate per", "divided by");
        put(PIVOT, "pivotby");
        put(SIDE, "sidebyside");
        put(PERCENT, "percent", "as a percent", "in percent", "as percent", "percentage", "as a percentage",
                "in percentage terms", "percentage terms", "pct", "in pct",
                "as percentages", "in percentages", "as percentage", "as percents");
        put(COMBINED, "combined", "together", "altogether", "jointly", "as one", "taken together", "pooled");
        put(STOP, "show", "me", "give", "tell", "get", "find", "display", "pull", "see", "view", "want", "need",
                "like", "would", "could", "can", "please", "i", "we", "us", "our", "my", "you", "the", "a", "an",
                "of", "for", "in", "on", "at", "to", "with", "and", "or", "is", "are", "was", "were", "be", "been",
                "do", "does", "did", "have", "has", "had", "there", "that", "this", "these", "those", "it", "its",
                "their", "them", "they", "who", "whom", "whose", "all", "total", "overall", "sum", "sum of",
                "during", "over", "within", "from", "as", "so", "far", "about", "value", "values", "number",
                "numbers", "figure", "figures", "data", "metric", "metrics", "kpi", "report", "table", "chart", "but",
                "make", "made", "makes", "making", "unique", "distinct", "teh", "recorded", "logged",
                "different", "made by", "manufactured by", "produced by", "marketed by", "owned by", "belonging to",
                "breakdown of", "what is", "what are", "what was", "what were", "how", "much", "many", "than",
                "so far", "up", "down", "into", "any", "some", "currently", "current", "also",
                "both", "let", "know", "look", "at", "just", "only", "the same", "overview", "summary", "level", "basis", "based", "plus",
                "s", "here", "where", "when", "under", "at least", "at most", "by the", "out", "amount", "amounts", "sorted", "order", "ordered", "result", "results", "among", "between",
                // words of a threshold ("topped 2,000"), read with the number that follows them
                "above", "below", "beyond", "exceed", "exceeds", "exceeded", "exceeding", "topped", "surpassed",
                "greater than", "fewer than", "less than", "lower than", "higher than", "in excess of",
                "all time", "of all time", "ever");
    }

    private static void put(Keyword k, String... phrases) {
        for (String p : phrases) {
            PHRASES.putIfAbsent(Text.key(p), k);
        }
    }

    static Map<String, Keyword> phrases() {
        return PHRASES;
    }

    /** Grain keywords map to a time grain; the others do not. */
    boolean isGrain() {
        return Set.of(WEEKLY, MONTHLY, QUARTERLY, YEARLY).contains(this);
    }

    static final List<Keyword> SUPERLATIVES = List.of(TOP, BOTTOM, MOST, LEAST);
}
