package io.nl2q.hub.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question found by meaning can be answered with a verified question's SQL: questions that embed close
 * together may still differ in a value or a number, which would make the verified SQL a silently wrong answer.
 */
final class SameSubject {
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
            Map.entry("ten", "10"), Map.entry("twenty", "20"), Map.entry("fifty", "50"), Map.entry("hundred", "100"));

    private SameSubject() {
    }

    static boolean holds(String question, String verifiedQuestion, String verifiedSql) {
        String asked = question.toLowerCase(Locale.ROOT);
        Matcher literal = LITERAL.matcher(verifiedSql);
        while (literal.find()) {
            String value = literal.group(1).replace("''", "'").toLowerCase(Locale.ROOT).strip();
            if (!value.isEmpty() && !isDateOrNumber(value) && !asked.contains(value)) {
                return false;
            }
        }
        return numbers(question).equals(numbers(verifiedQuestion));
    }

    static List<String> numbers(String text) {
        String spelled = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> w : NUMBER_WORDS.entrySet()) {
            spelled = spelled.replaceAll("\\b" + w.getKey() + "\\b", w.getValue());
        }
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(spelled);
        while (m.find()) {
            found.add(String.valueOf(Long.parseLong(m.group())));
        }
        found.sort(null);
        return found;
    }

    private static boolean isDateOrNumber(String value) {
        return value.matches("[0-9 :./+-]+");
    }
}
