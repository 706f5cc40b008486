package io.nl2q.hub.semantic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a question's tokens and resolves them against the data's as-of date (never the wall
 * clock): quarters, halves, months, years, last N weeks/months/quarters/years, this/last quarter or year, to-date
 * periods, and two periods joined by between/from/to/vs.
 */
final class TimeParser {
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
    /** "year 2024" is the year; in "per year 2023-2025" the word groups by year and is left to the lexicon. */
    private static final String YEAR = "(?:(?:calendar year|calendar|cy|full year|(?<!\\b(?:per|by|each|every) )year) )?"
            + "20\\d\\d";
    private static final String ORDINAL = "first|second|third|fourth|1st|2nd|3rd|4th|final|last";
    /** A month alone; "may" only after a preposition, since it is a verb too. */
    private static final String BARE_MONTH = "(?:january|february|march|april|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
            + "|(?<=\\b(?:in|since|of|during|for|from|to|through|until|and|vs|versus|than) )may)";
    /** "the same quarter last year": the as-of date's quarter (month, week) a year before, or the first period's. */
    private static final String YEAR_AGO = "(?:last year|the last year|a year ago|one year ago|a year earlier"
            + "|a year before|the year before|the prior year|the previous year|prior year|previous year|ly|py)";
    private static final String SAME = "(?:the )?same (?:week|month|quarter) (?:of |in )?" + YEAR_AGO;
    private static final Pattern SAME_GRAIN = Pattern.compile("(?:the )?same (week|month|quarter) (?:of |in )?"
            + YEAR_AGO);
    private static final String DAY = "(?:d20\\d{6}|md\\d{4})";
    private static final String SINGLE = "(?:" + SAME + "|(?:the )?week (?:ending|ended|end|of) (?:on )?" + DAY
            + "|(?:the )?(?:first|last|final) (?:\\d+ )?(?:week|month)s? (?:of )?(?:" + YEAR + ")"
            + "|q[1-4] (?:of )?" + YEAR + "|20\\d\\d q[1-4]"
            + "|(?:" + ORDINAL + ") quarter (?:of )?" + YEAR
            + "|(?:h1|h2|first half|second half|1st half|2nd half) (?:of )?" + YEAR
            + "|(?:" + MONTHS + ") (?:of )?" + YEAR + "|20\\d\\d (?:" + MONTHS + ")"
            + "|(?:the )?(?:last|past|previous|prior|trailing|recent|latest|most recent) \\d+ (?:week|month|quarter|year)s?"
            + "|(?:the )?(?:last|latest|most recent|past|previous|prior) (?:week|month|quarter|year)"
            + "|(?:the )?(?:this|current) (?:week|month|quarter|year)(?: to date)?"
            + "|ytd|year to date|qtd|quarter to date|mtd|month to date"
            + "|" + YEAR + "|" + DAY + "|q[1-4]|h[12]|first half|second half|1st half|2nd half|" + BARE_MONTH + ")";
    private static final Pattern PAIR = Pattern.compile("\\b(?:(between|from) )?(" + SINGLE
            + ") (and|to|through|thru|until|till|vs|versus|compared to|compared with|against) (" + SINGLE + ")\\b");
    /** "from January to March 2025", "between Jan and Jun 2024": two months of one year. */
    private static final Pattern MONTH_RANGE = Pattern.compile("\\b(?:(?:between|from) )?(" + MONTHS
            + ") (?:to|through|thru|until|till|and) (" + MONTHS + ") (?:of )?(20\\d\\d)\\b");
    private static final Pattern ONE = Pattern.compile("\\b(?:(since|after|from(?= " + DAY + ")|before|prior to"
            + "|until|till|through|thru|up to|up until|as of) )?(" + SINGLE + ")\\b");
    private static final Pattern WEEK_OF = Pattern.compile("(?:the )?week (ending|ended|end|of) (?:on )?(" + DAY + ")");
    private static final Pattern FIRST_N = Pattern.compile("(?:the )?(first|last|final) (?:(\\d+) )?(week|month)s? (?:of )?"
            + "(?:calendar year |calendar |cy |full year |year )?(20\\d\\d)");

    private static final Pattern QUARTER = Pattern.compile("q([1-4]) (?:of )?(\\d{4})|(\\d{4}) q([1-4])");
    private static final Pattern ORDINAL_QUARTER = Pattern.compile("(" + ORDINAL + ") quarter (?:of )?(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(h1|h2|first half|second half|1st half|2nd half) (?:of )?(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(" + MONTHS + ") (?:of )?(\\d{4})|(\\d{4}) (" + MONTHS + ")");
    private static final Pattern PREFIX = Pattern.compile("(calendar year|calendar|cy|full year|year) (20\\d\\d)");
    /** The words of time expressions, for typo correction before parsing ("quater", "montly" is a keyword). */
    static final java.util.Set<String> WORDS = java.util.Set.of("quarter", "quarters", "month", "months", "week",
            "weeks", "year", "years", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "previous", "trailing", "current", "between", "through");
    private final LocalDate asOf;
    /** The data's first day, where an open period ("before 2025") starts. */
    private final LocalDate first;

    TimeParser(LocalDate asOf) {
        this(asOf, asOf.withDayOfYear(1).minusYears(2));
    }

    TimeParser(LocalDate asOf, LocalDate first) {
        this.asOf = asOf;
        this.first = first;
    }

    /**
     * A time expression found over tokens [start, end); {@code second} is set for a pair of periods, and
     * {@code comparison} when the pair is set side by side ("Q4 2024 vs Q4 2025", "2024 and 2025") rather than
     * spanned ("between January and March 2025", "from 2024 to 2025" unless a change is asked for).
     */
    /** {@code versus}: two periods set against each other ("2024 vs 2025"), not listed ("2024 and 2025"). */
    record Span(int start, int end, Period first, Period second, boolean comparison, boolean versus) {
        Span(int start, int end, Period first, Period second) {
            this(start, end, first, second, false, false);
        }
    }

    List<Span> parse(List<String> tokens) {
        String text = String.join(" ", tokens);
        int[] tokenAt = tokenIndex(text);
        List<Span> spans = new ArrayList<>();
        boolean[] used = new boolean[text.length() + 1];
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            String joiner = m.group(3);
            boolean comparison = !joiner.matches("to|through|thru|until|till")
                    && !(joiner.equals("and") && "between".equals(m.group(1)));
            Period a = single(sameYear(m.group(2), m.group(4)));
            Period b = SAME_GRAIN.matcher(m.group(4)).matches() ? yearBefore(a) : single(m.group(4));
            spans.add(new Span(tokenAt[m.start()], tokenAt[m.end() - 1] + 1, a, b, comparison,
                    comparison && !joiner.equals("and")));
            mark(used, m.start(), m.end());
        }
        m = MONTH_RANGE.matcher(text);
        while (m.find()) {
            if (used[m.start()]) {
                continue;
            }
            Period a = single(m.group(1) + " " + m.group(3));
            Period b = single(m.group(2) + " " + m.group(3));
            spans.add(new Span(tokenAt[m.start()], tokenAt[m.end() - 1] + 1, a, b));
            mark(used, m.start(), m.end());
        }
        m = ONE.matcher(text);
        while (m.find()) {
            if (used[m.start()] || used[m.end() - 1]) {
                continue;
            }
            Period p = single(m.group(2));
            if (m.group(1) != null) {
                p = bounded(m.group(1), p);
            }
            spans.add(new Span(tokenAt[m.start()], tokenAt[m.end() - 1] + 1, p, null));
        }
        spans.sort(java.util.Comparator.comparingInt(Span::start));
        return spans;
    }

    /** "first half vs second half of 2025", "Q3 vs Q4 2025": the first of a pair takes the year said after the second. */
    private static String sameYear(String first, String second) {
        Matcher year = Pattern.compile("(20\\d\\d)$").matcher(second);
        if (first.matches(".*20\\d\\d.*") || !year.find()
                || !first.matches("q[1-4]|h[12]|first half|second half|1st half|2nd half|" + MONTHS)) {
            return first;
        }
        return first + " " + year.group(1);
    }

    /** "since May 1st": to the as-of date; "before 2025": from the data's first day; "through Q3": its end too. */
    private Period bounded(String word, Period p) {
        return switch (word) {
            case "since", "from", "after" -> Period.of(word.equals("after") ? p.to().plusDays(1) : p.from(), asOf,
                    word + " " + p.label());
            case "as of" -> p;
            case "before", "prior to" -> Period.of(first, p.from().minusDays(1), "before " + p.label());
            default -> Period.of(first, p.to(), "up to " + p.label());
        };
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            used[i] = true;
        }
    }

    private static int[] tokenIndex(String text) {
        int[] at = new int[text.length() + 1];
        int token = 0;
        for (int i = 0; i < text.length(); i++) {
            at[i] = token;
            if (text.charAt(i) == ' ') {
                token++;
                at[i] = token;
            }
        }
        at[text.length()] = token;
        return at;
    }

    Period single(String phrase) {
        String p = PREFIX.matcher(phrase.startsWith("the ") ? phrase.substring(4) : phrase).replaceAll("$2");
        Matcher m;
        if ((m = WEEK_OF.matcher(p)).matches()) {
            LocalDate d = day(m.group(2));
            LocalDate end = m.group(1).equals("of") ? d.plusDays(6) : d;
            return new Period(end.minusDays(6), end, "the week " + (m.group(1).equals("of") ? "of " : "ending ") + d,
                    ChronoUnit.WEEKS, 1);
        }
        if ((m = FIRST_N.matcher(p)).matches()) {
            int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int y = Integer.parseInt(m.group(4));
            boolean weeks = m.group(3).equals("week");
            boolean firstOnes = m.group(1).equals("first");
            LocalDate from = firstOnes ? LocalDate.of(y, 1, 1) : weeks ? LocalDate.of(y, 12, 31).minusDays(7L * n - 1)
                    : LocalDate.of(y, 12, 1).minusMonths(n - 1L);
            LocalDate to = weeks ? from.plusDays(7L * n - 1) : from.plusMonths(n).minusDays(1);
            return new Period(from, to, "the " + m.group(1) + " " + n + " " + m.group(3) + (n == 1 ? "" : "s") + " of "
                    + y, weeks ? ChronoUnit.WEEKS : ChronoUnit.MONTHS, n);
        }
        if ((m = SAME_GRAIN.matcher(p)).matches()) {
            return yearBefore(RelativePeriods.resolve("this " + m.group(1), asOf));
        }
        if (p.matches(DAY)) {
            LocalDate d = day(p);
            return Period.of(d, d, d.toString());
        }
        if (p.matches("q[1-4]")) {
            int q = p.charAt(1) - '0';
            Period inYear = quarter(asOf.getYear(), q);
            return inYear.from().isAfter(asOf) ? quarter(asOf.getYear() - 1, q) : inYear;
        }
        if (p.matches("(first|second|1st|2nd) half")) {
            return single(p.startsWith("f") || p.startsWith("1") ? "h1" : "h2");
        }
        if (p.matches("h[12]")) {
            return single(p + " " + (p.equals("h2") && asOf.getMonthValue() < 7 ? asOf.getYear() - 1 : asOf.getYear()));
        }
        if (p.matches(BARE_MONTH.replace("(?<=\\b(?:in|since|of|during|for|from|to|through|until|and|vs|versus|than) )",
                ""))) {
            LocalDate inYear = LocalDate.of(asOf.getYear(), monthNumber(p), 1);
            return month(inYear.isAfter(asOf) ? inYear.minusYears(1) : inYear);
        }
        if ((m = QUARTER.matcher(p)).matches()) {
            int q = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int y = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            return quarter(y, q);
        }
        if ((m = ORDINAL_QUARTER.matcher(p)).matches()) {
            String o = m.group(1);
            int q = o.startsWith("f") && !o.equals("final") ? (o.equals("first") ? 1 : 4) : switch (o) {
                case "1st" -> 1; case "second", "2nd" -> 2; case "third", "3rd" -> 3; default -> 4; };
            return quarter(Integer.parseInt(m.group(2)), q);
        }
        if ((m = HALF.matcher(p)).matches()) {
            boolean firstHalf = m.group(1).equals("h1") || m.group(1).startsWith("f") || m.group(1).startsWith("1");
            LocalDate from = LocalDate.of(Integer.parseInt(m.group(2)), firstHalf ? 1 : 7, 1);
            return new Period(from, from.plusMonths(6).minusDays(1), (firstHalf ? "H1 " : "H2 ") + m.group(2),
                    ChronoUnit.MONTHS, 6);
        }
        if ((m = MONTH.matcher(p)).matches()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            int y = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            return month(LocalDate.of(y, monthNumber(name), 1));
        }
        if (p.matches("\\d{4}")) {
            LocalDate from = LocalDate.of(Integer.parseInt(p), 1, 1);
            return new Period(from, from.plusYears(1).minusDays(1), p, ChronoUnit.YEARS, 1);
        }
        return RelativePeriods.resolve(p, asOf);
    }

    /** The same quarter, month or weeks one year earlier (52 weeks, so a week still ends on the data's weekday). */
    static Period yearBefore(Period p) {
        if (p.unit() == ChronoUnit.WEEKS) {
            return new Period(p.from().minusWeeks(52), p.to().minusWeeks(52), "the same weeks a year before",
                    ChronoUnit.WEEKS, p.count());
        }
        Period shifted = p.unit() == ChronoUnit.MONTHS && p.count() == 3 && p.from().getDayOfMonth() == 1
                ? quarter(p.from().getYear() - 1, quarterOf(p.from()))
                : p.unit() == ChronoUnit.MONTHS && p.count() == 1 && p.from().getDayOfMonth() == 1
                ? month(p.from().minusYears(1))
                : new Period(p.from().minusYears(1), p.to().minusYears(1), "", p.unit(), p.count());
        return new Period(shifted.from(), shifted.to(), "a year before, " + (shifted.label().isEmpty()
                ? shifted.from() + " to " + shifted.to() : shifted.label()), shifted.unit(), shifted.count());
    }

    static Period quarter(int year, int q) {
        LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
        return new Period(from, from.plusMonths(3).minusDays(1), "Q" + q + " " + year, ChronoUnit.MONTHS, 3);
    }

    static Period month(LocalDate first) {
        String name = first.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return new Period(first, first.plusMonths(1).minusDays(1), name + " " + first.getYear(), ChronoUnit.MONTHS, 1);
    }

    /** A date token of {@link Spelling}: d20250307, or md0307 for the latest such day up to the as-of date. */
    private LocalDate day(String token) {
        if (token.startsWith("md")) {
            LocalDate d = LocalDate.of(asOf.getYear(), Integer.parseInt(token.substring(2, 4)),
                    Math.min(28, Integer.parseInt(token.substring(4, 6))));
            d = d.withDayOfMonth(Math.min(Integer.parseInt(token.substring(4, 6)), d.lengthOfMonth()));
            return d.isAfter(asOf) ? d.minusYears(1) : d;
        }
        try {
            return LocalDate.of(Integer.parseInt(token.substring(1, 5)), Integer.parseInt(token.substring(5, 7)),
                    Integer.parseInt(token.substring(7, 9)));
        } catch (java.time.DateTimeException e) {
            throw new Unanswerable("\"" + token.substring(1) + "\" is not a date.");
        }
    }

    private static int monthNumber(String name) {
        String three = name.substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(three) + 1;
    }

    static int quarterOf(LocalDate d) {
        return d.get(IsoFields.QUARTER_OF_YEAR);
    }
}
