package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written forms of English a question may use before it is cut into words, rewritten to one spoken form the
 * time parser and the lexicon read: dates (2025-03-07, 3/7/25, May 1st, the 1st of May) become one token, numbers
 * lose their separators and suffixes (3,000, 100k, 1.5M), and the abbreviations of periods are spelt out (LY, TY,
 * L12M, TTM, Q3 '24, 3Q24, 1H 2024, Jan-Mar, 2023-2024). Holds no domain words.
 */
final class Spelling {
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String UNITS = "week|month|quarter|year";
    private static final List<Rule> RULES = List.of(
            // dates first, while their punctuation is still there
            rule("\\b(20\\d\\d)-(\\d{1,2})-(\\d{1,2})\\b", m -> date(m.group(1), m.group(2), m.group(3))),
            rule("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b", m -> date(m.group(3), m.group(1), m.group(2))),
            rule("\\b(\\d{1,2})/(\\d{1,2})\\b", m -> monthDay(Integer.parseInt(m.group(1)), m.group(2))),
            rule("\\b(" + MONTHS + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (20\\d\\d)\\b",
                    m -> date(m.group(3), String.valueOf(month(m.group(1))), m.group(2))),
            rule("\\b(\\d{1,2})(?:(?:st|nd|rd|th) (?:of )?| of )(" + MONTHS + ")(?:,? (20\\d\\d))?\\b", m -> m.group(3) == null
                    ? monthDay(month(m.group(2)), m.group(1)) : date(m.group(3), String.valueOf(month(m.group(2))),
                    m.group(1))),
            rule("\\b(" + MONTHS + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?! ?\\d)", m -> monthDay(month(m.group(1)),
                    m.group(2))),
            rule("%\\s*of\\b", m -> " percent of"),
            rule("(?<=\\d)\\s*%", m -> " percent"), // "1%": read with its number by the threshold
            rule("%", m -> " percent "),
            rule("(?:^|(?<=\\s))#\\s*(?:of\\b)?", m -> " number of "),
            // an output instruction that asks for nothing more than the columns every comparison has
            rule("\\bside[ -]by[ -]side\\b", m -> " sidebyside "),
            rule("\\bw/o\\b", m -> "without"), rule("\\bw/", m -> "with "),
            // "NRx/TRx": a slash between two words, read by the question reader (a ratio of two measures, else "and")
            rule("\\b([a-z][a-z0-9-]*) ?/ ?([a-z][a-z0-9-]*)\\b", m -> m.group(1) + " slash " + m.group(2)),
            rule("\\b(i\\.e|e\\.g)\\.?(?=\\s|,|$)", m -> m.group(1).replace(".", "")),
            rule("\\b(?:a|one) single\\b", m -> "any"),
            // orderings said as "X first": the direction of a ranking of every row
            rule("\\b(?:best|biggest|highest|largest|longest|top|most|greatest|fastest[ -]growing) first\\b",
                    m -> "ranked descending"),
            rule("\\b(?:lowest|smallest|shortest|worst|least|fewest|slowest[ -]growing|slowest) first\\b", m -> "ranked ascending"),
            rule("\\b(?:broken|broke|break|split|bucketed|grouped) (?:out|up)? ?by\\b", m -> "by"),
            // "Q3 TRx next to Q4 TRx" sets two periods side by side; "TRx next to calls" two measures
            rule("\\b(?:next to|beside|alongside)(?= (?:q[1-4]|h[12]|20\\d\\d|the (?:same|prior|previous)|last|this)\\b)",
                    m -> "vs"),
            rule("\\bnext to\\b", m -> "alongside"),
            rule("\\b(?:added|summed|lumped|taken|put) together\\b|\\badded up\\b", m -> "combined"),
            rule("\\bat least once\\b", m -> " "),
            // output instructions: "need names + counts", "names and totals"
            rule("\\b(?:need |want |with |w/ |show |plus |and )?(?:the |their )?names? ?(?:\\+|and|&|with|plus) ?(?:their )?"
                    + "(?:counts?|numbers?|totals?|values?|figures?)\\b", m -> " "),
            rule("\\bcount(?:s|ed)? as\\b", m -> " are "),
            rule("\\b(?:give me |show |with |plus |and )?(?:the )?(?:count|counts|numbers?|totals?) (?:too|as well|also)\\b",
                    m -> " "),
            rule("\\b(?:the )?(?:whole|total|entire|full) portfolio\\b", m -> " "),
            rule("\\b(" + MONTHS + ") (?:to|through|until|till) (?:now|today|date)\\b", m -> "since " + m.group(1)),
            rule("\\bas an? (?:fraction|decimal|ratio|number)\\b(?! of)", m -> " "), // fractions are the default
            rule("\\b(?:oldest|earliest) first\\b|\\b(?:in )?chronological(?:ly)?(?: order)?\\b|\\bin date order\\b",
                    m -> " "), // a series is ordered by its dates already
            rule("\\bsince (?:those|these|they|it|that|this)\\b[^.;?!]*", m -> " "), // a reason given, not a period
            rule("\\bregardless of (?:the )?", m -> " any "),
            rule("\\bcalendar (quarter|month|week)", m -> m.group(1)),
            rule("\\b(?:in |during |for )?(?:that|those|that same|those same|the same) (?:\\d+ )?(?:quarter|month|year|week|period)s?"
                    + "\\b(?! (?:last|a|of|the|prior|previous|ly|py))", m -> " "),
            rule("\\bthe field\\b(?! force)", m -> " "),
            // "the status Flector has at each payer": the row each payer holds, not a grouping by payer
            rule("\\b(has|have|holds|gets) (at|with|for|on) (?:each|every) ", m -> m.group(1) + " " + m.group(2) + " the "),
            rule("\\b(?:the |our )?(?:whole|entire|total|complete) (?:field force|sales force|field team|team|field)\\b",
                    m -> " "),
            rule("\\b(?:across |in |for |over )?(?:the )?(?:whole|entire|all of the|all the) (?:nation|country|us|u\\.s\\.?|usa)\\b",
                    m -> " "),
            // "+ which territory they're in", "and which terr each one sits in": a column beside each member
            rule("(?:\\+|\\band|\\bplus|\\bwith)? ?\\b(?:which|what) ([a-z]+(?: [a-z]+)?) (?:they|he|she|it|each one|each)"
                    + "(?:'re|’re| are| is|'s)? ?(?:sits?|works?|lives?|belongs? to|covers?|are|is)? in\\b", m -> " with their "
                    + m.group(1) + " "),
            // output instructions: "need names", "with names please"
            rule("\\b(?:need|want|with|w/|plus|incl|including|show|showing|give me) (?:the |their )?names\\b(?! of)", m -> " "),
            // a purpose clause says what the answer is for, not what it holds ("so I can chart them together")
            rule("\\bso (?:that )?(?:i|we|you|they) (?:can|could|may|might)\\b[^.;?!]*", m -> " "),
            rule("\\bthroughout\\b", m -> "in"),
            // "monthly TRx through 2025" with no start said: during 2025 ("2023 through 2025" is a range)
            rule("(?<!\\b(?:from|between|since|starting|start|beginning)\\b.{0,40})(?<!(?:20\\d\\d|q[1-4]|h[12]|"
                    + MONTHS + ")\\s)\\bthrough (?=(?:q[1-4]|h[12]|20\\d\\d)\\b)", m -> "in "),
            rule("\\b(?:just )?(?:need |want )?(?:the )?(?:two|2|both) (?:numbers|figures|values)\\b", m -> " "),
            rule("\\b(?:as )?(?:one|a single|1) (?:number|figure|value)\\b|\\bquick one\\b", m -> " "),
            rule("\\bnobody (?:has |have |had )?", m -> " not "),
            rule("\\bsingle (?=most|biggest|highest|top|best|largest|lowest|least)", m -> ""),
            rule("\\b(?:leaving|leave|left|keeping|keep|kept|taking|take|leaving the) ([a-z][a-z-]*s?) out\\b",
                    m -> "excluding " + m.group(1)),
            rule("\\b([a-z][a-z-]*s?) (?:left|taken|kept) out\\b", m -> "excluding " + m.group(1)),
            rule("\\babsolute (change|difference)\\b", m -> m.group(1)),
            rule("\\bnot (?:a |as a |in )?(?:%|percent(?:age)?s?)\\b", m -> " "),
            rule("\\b(did|does|do|will|would)\\b((?: [a-z][a-z0-9-]*){1,3}) top (\\d)",
                    m -> m.group(1) + m.group(2) + " topped " + m.group(3)),
            // pivots: what goes across ("one column per channel", "channels as columns", "years across the top") and
            // what goes down ("regions as rows", "down the side", "one row per territory"); "A x B" crosses A with B
            rule("\\b(?:with |and )?(?:one|a|1|separate) (?:separate )?columns? (?:each )?(?:per|for each|for every|for|by)\\b",
                    m -> " pivotby by "),
            rule("\\b(?:with |and )?(?:the )?([a-z0-9][a-z0-9-]*(?: [a-z0-9][a-z0-9-]*)?) (?:as|in) (?:the )?(?:two |three |four |separate |\\d )?columns\\b",
                    m -> " pivotby by " + m.group(1) + " "),
            rule("\\b(?:with )?(?:the )?([a-z0-9][a-z0-9-]*(?: [a-z0-9][a-z0-9-]*)?) across(?: the top)?(?=\\s*[,.;)]|\\s*$)",
                    m -> " pivotby by " + m.group(1) + " "),
            rule("\\b(?:the )?((?!(?:with|and|the|by|per|as|in|of|for)\\b)[a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)?)"
                    + " (?:as (?:the )?rows|down the side)\\b",
                    m -> " by " + m.group(1) + " "),
            rule("\\b(?:one|a) row (?:per|for each|for every|by)\\b", m -> " by "),
            rule("\\(\\s*(?:as )?rows?\\s*\\)", m -> " "),
            rule("\\(\\s*columns?:?\\s*", m -> " pivotby by "),
            rule("(?<=[a-z])\\s+x\\s+(?=[a-z])", m -> " pivotby by "),
            rule("\\b(?:with |and )?(?:one|a) column each\\b", m -> " pivotby "),
            rule("(?<!\\bby )\\b(quarters|months|years)(?=\\s+(?:of\\s+\\S+\\s+)?pivotby)", m -> "by " + m.group(1)),
            rule("\\bfull[ -](?:year|yr)\\b(?! (?:of )?20\\d\\d)", m -> " "),
            rule("\\bcolumns?:? (?=q[1-4]|h[12]|20\\d\\d|" + MONTHS + ")", m -> " pivotby by "),
            rule("\\bpivot(?:ed)?(?: table)?(?: by)?\\b:?|\\b(?:as|in) a (?:pivot )?table\\b", m -> " "),
            rule("\\b(each|every) (?:one|1)\\b", m -> m.group(1)),
            // "by decile, from decile 10 down to 1": how to order the breakdown, not a range of deciles
            rule("\\bfrom (?:[a-z]+ )?(\\d+) (?:down )?to (?:[a-z]+ )?(\\d+)\\b(?= *[),.;]|$)", m -> Integer.parseInt(m.group(1))
                    > Integer.parseInt(m.group(2)) ? " " : m.group()),
            // the whole span of the data
            rule("\\b(?:since|from) the (?:start|beginning) of (?:the )?(?:data|history|records|time)\\b"
                    + "|\\b(?:in |over )?the (?:whole|entire|full) (?:history|data(?: ?set)?|time range)\\b", m -> " "),
            rule("\\b(?:by |per |for )?(?:the )?weeks? ending (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)days?\\b",
                    m -> " by week "),
            rule("\\bon an? (weekly|monthly|quarterly|yearly|annual) basis\\b", m -> m.group(1)),
            // small number ranges: "8+", "8-10" (years and dates are read above)
            rule("\\b(\\d{1,2}) ?\\+", m -> m.group(1) + " or more"),
            rule("\\b(\\d{1,2}) (?:or|and) (?:higher|above|greater|over|up|better)\\b", m -> m.group(1) + " or more"),
            rule("\\b(\\d{1,2}) ?- ?(\\d{1,2})\\b", m -> m.group(1) + " to " + m.group(2)),
            // numbers: separators, then thousand and million suffixes
            rule("\\b(\\d{1,3})(?:,(\\d{3}))(?:,(\\d{3}))?\\b", m -> notYear(m.group(1) + m.group(2)
                    + (m.group(3) == null ? "" : m.group(3)))),
            rule("\\b(\\d+) times\\b", m -> m.group(1)), // "called at least 5 times": the number of calls
            rule("\\b(?:last|past|trailing|rolling|prior|previous) (\\d+) ?m\\b", m -> "last " + m.group(1) + " months"),
            rule("\\b[lrt](\\d{1,2})([wmqy])\\b", m -> "last " + m.group(1) + " " + unit(m.group(2)) + "s"),
            rule("\\bttm\\b|\\bltm\\b", m -> "last 12 months"),
            rule("\\b(\\d+(?:\\.\\d+)?) ?(k|thousand)\\b", m -> scaled(m.group(1), 1_000)),
            rule("\\b(\\d+\\.\\d+) ?(m|mm|mn|million)\\b|\\b(\\d+) ?(mm|mn|million)\\b",
                    m -> scaled(m.group(1) != null ? m.group(1) : m.group(3), 1_000_000)),
            // abbreviations of periods
            rule("\\bly\\b", m -> "last year"), rule("\\bty\\b", m -> "this year"), rule("\\bpy\\b", m -> "prior year"),
            rule("\\blq\\b", m -> "last quarter"), rule("\\bpq\\b", m -> "prior quarter"),
            rule("\\bcq\\b", m -> "this quarter"), rule("\\blm\\b", m -> "last month"),
            rule("\\bcm\\b", m -> "this month"), rule("\\blw\\b", m -> "last week"),
            rule("\\b([1-4])q ?['’]?(\\d{4}|\\d{2})\\b", m -> "q" + m.group(1) + " " + year(m.group(2))),
            rule("\\b([12])h ?['’]?(\\d{4}|\\d{2})\\b", m -> "h" + m.group(1) + " " + year(m.group(2))),
            rule("\\b(q[1-4]|h[12])[ '’-]*['’]?(\\d{2})\\b(?!\\d)", m -> m.group(1) + " 20" + m.group(2)),
            rule("\\b(q[1-4]|h[12])(20\\d\\d)\\b", m -> m.group(1) + " " + m.group(2)),
            rule("\\b(" + MONTHS + ")(?:[ -]?['’]|-)(\\d{2})\\b", m -> m.group(1) + " 20" + m.group(2)),
            rule("\\b(in|of|since|for|during|from|to|vs|and|year|cy) ['’](\\d{2})\\b", m -> m.group(1) + " 20" + m.group(2)),
            // ranges written with a dash, and a period named once for two parts of one year
            rule("\\b(" + MONTHS + "|q[1-4]|h[12]|20\\d\\d) ?(?:[-–]|\\.\\.\\.?) ?(" + MONTHS + "|q[1-4]|h[12]|20\\d\\d)\\b",
                    m -> m.group(1) + " to " + m.group(2)),
            rule("\\b(q[1-4]|h[12]) (and|to|vs|versus|through|thru|against|compared to|compared with) (q[1-4]|h[12])"
                    + " (?:of )?(20\\d\\d)\\b", m -> m.group(1) + " " + m.group(4) + " " + m.group(2) + " " + m.group(3)
                    + " " + m.group(4)),
            rule("\\b(" + MONTHS + ") (vs|versus|against|compared to|compared with) (" + MONTHS + ") (?:of )?(20\\d\\d)\\b",
                    m -> m.group(1) + " " + m.group(4) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4)),
            // "since the start of the year" is the year to date; "from the beginning of 2024" is since 2024
            rule("\\b(?:since|from) (?:the )?(?:beginning|start) of (?:the|this) (" + UNITS + ")\\b",
                    m -> m.group(1) + " to date"),
            rule("\\b(?:since|from) (?:the )?(?:beginning|start) of\\b", m -> "since"),
            rule("\\b(" + UNITS + ")( .{1,40}?)\\b(prior|previous|preceding|last) one\\b",
                    m -> m.group(1) + m.group(2) + m.group(3) + " " + m.group(1)),
            // "the % change vs the prior year": the change of each year over the one before it
            rule("\\b(change|changes|growth|increase|decrease|delta|difference)((?: [a-z-]+){0,3}) (?:vs\\.?|versus"
                    + "|compared (?:to|with)|against|over|from) (?:the |each )?(?:prior|previous|preceding|last) (" + UNITS
                    + ")\\b", m -> m.group(1) + m.group(2) + " " + m.group(3) + " over " + m.group(3)),
            rule("\\b(preceding|prior) (\\d+ )?(" + UNITS + ")", m -> "previous " + (m.group(2) == null ? ""
                    : m.group(2)) + m.group(3)),
            rule("\\brolling (\\d+) (" + UNITS + ")", m -> "last " + m.group(1) + " " + m.group(2)));

    private record Rule(Pattern pattern, Function<java.util.regex.MatchResult, String> replacement) {
    }

    private Spelling() {
    }

    private static Rule rule(String regex, Function<java.util.regex.MatchResult, String> replacement) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
    }

    static String rewrite(String text) {
        String s = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(s);
            if (m.find()) {
                s = m.replaceAll(x -> Matcher.quoteReplacement(r.replacement().apply(x)));
            }
        }
        return s;
    }

    private static String date(String year, String month, String day) {
        int y = Integer.parseInt(year.length() == 2 ? "20" + year : year);
        int mo = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (mo < 1 || mo > 12 || d < 1 || d > 31) {
            return year + " " + month + " " + day;
        }
        return String.format(Locale.ROOT, " d%04d%02d%02d ", y, mo, d);
    }

    private static String monthDay(int month, String day) {
        int d = Integer.parseInt(day);
        if (month < 1 || month > 12 || d < 1 || d > 31) {
            return month + " " + day;
        }
        return String.format(Locale.ROOT, " md%02d%02d ", month, d);
    }

    private static int month(String name) {
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }

    private static String year(String y) {
        return y.length() == 2 ? "20" + y : y;
    }

    private static String unit(String letter) {
        return switch (letter.toLowerCase(Locale.ROOT)) {
            case "w" -> "week";
            case "m" -> "month";
            case "q" -> "quarter";
            default -> "year";
        };
    }

    private static String scaled(String number, long factor) {
        return notYear(new java.math.BigDecimal(number).multiply(java.math.BigDecimal.valueOf(factor)).toBigInteger()
                .toString());
    }

    /** "2,000", "2k" are amounts, never the year 2000: a leading zero keeps the time parser from reading a year. */
    private static String notYear(String digits) {
        return digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20")) ? "0" + digits : digits;
    }
}
