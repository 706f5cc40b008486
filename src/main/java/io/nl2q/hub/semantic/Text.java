package io.nl2q.hub.semantic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How questions and model names are compared: lower case, punctuation to spaces, number words to digits, and a light
 * stemmer that folds plurals and agent forms ("endocrinologists" and "endocrinology" share the stem "endocrinolog").
 */
final class Text {
    private static final Map<String, String> NUMBERS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"),
            Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("fifteen", "15"),
            Map.entry("twenty", "20"), Map.entry("fifty", "50"), Map.entry("hundred", "100"),
            // abbreviations of time words, so the time parser sees the words
            Map.entry("qtr", "quarter"), Map.entry("qtrs", "quarters"), Map.entry("wk", "week"), Map.entry("wks", "weeks"),
            Map.entry("yr", "year"), Map.entry("yrs", "years"), Map.entry("mth", "month"), Map.entry("mths", "months"));

    private static final java.util.regex.Pattern NOT = java.util.regex.Pattern.compile("(?i)n['’]t\\b");
    /** "I'm", "we'd", "you're", "I've", "we'll": the verb carries no data meaning. */
    private static final java.util.regex.Pattern CONTRACTION = java.util.regex.Pattern.compile(
            "(?i)(?<=\\b(?:i|we|you|they|he|she|it|that|there))['’](?:m|re|ve|ll|d)\\b");
    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s\\b");
    private static final java.util.regex.Pattern GLUED = java.util.regex.Pattern.compile(
            "(?i)\\b(top|bottom|last|past|first|next|cy|fy|q[1-4])(\\d+)\\b");
    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private Text() {
    }

    /** Tokens as written (case kept, punctuation dropped), used where case carries meaning (state codes). */
    static List<String> rawTokens(String text) {
        return tokenize(text).raw();
    }

    /**
     * A question's tokens as written and where a slash stood between two words ("NRx/TRx", "OB/GYN"): the index of
     * the token after it. The slash itself is no token, so "OB/GYN" and "ob gyn" read alike.
     */
    record Tokens(List<String> raw, java.util.Set<Integer> slashes) {
    }

    static Tokens tokenize(String text) {
        List<String> raw = new ArrayList<>();
        java.util.Set<Integer> slashes = new java.util.HashSet<>();
        for (String t : withSlashes(text)) {
            if (t.equals(SLASH)) {
                slashes.add(raw.size());
            } else {
                raw.add(t);
            }
        }
        return new Tokens(List.copyOf(raw), java.util.Set.copyOf(slashes));
    }

    /** The mark {@link Spelling} leaves for a slash between two words. */
    static final String SLASH = "slash";

    private static List<String> withSlashes(String text) {
        String s = Spelling.rewrite(Normalizer.normalize(text, Normalizer.Form.NFKC));
        s = NOT.matcher(s).replaceAll(" not");
        s = CONTRACTION.matcher(s).replaceAll("");
        s = POSSESSIVE.matcher(s).replaceAll("").replace("&", " and ");
        s = GLUED.matcher(s).replaceAll("$1 $2");
        s = PUNCTUATION.matcher(s).replaceAll(" ").strip();
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String t : s.split(" ")) {
            out.add(NUMBERS.getOrDefault(t.toLowerCase(Locale.ROOT), t));
        }
        return out;
    }

    static List<String> tokens(String text) {
        return rawTokens(text).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** The stemmed phrase key of a name, synonym or value: what the lexicon is indexed by. */
    static String key(String phrase) {
        return String.join(" ", tokens(phrase).stream().map(Text::stem).toList());
    }

    static String stem(String token) {
        String t = token;
        if (t.length() <= 3 || t.chars().allMatch(Character::isDigit)) {
            return t;
        }
        if (t.endsWith("ies") && t.length() > 4) {
            t = t.substring(0, t.length() - 3) + "y";
        } else if (t.endsWith("sses")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us") && !t.endsWith("is")) {
            t = t.substring(0, t.length() - 1);
        }
        // agent and field forms of the same word: -ologist / -ology, -ician / -ics
        if (t.endsWith("ologist")) {
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("ology")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }

    static String words(List<String> tokens) {
        return String.join(" ", tokens);
    }

    static List<String> split(String key) {
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }
}
