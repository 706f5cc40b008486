package io.nl2q.hub.boast;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/** The value types a contract column may have, with the parsing every partner file gets. */
public enum ColumnType {
    STRING,
    INTEGER,
    DATE,
    BOOLEAN;

    @JsonCreator
    static ColumnType of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The value of a non-blank, trimmed field.
     *
     * @throws IllegalArgumentException with the reason the report gives the partner
     */
    Object parse(String text) {
        return switch (this) {
            case STRING -> text;
            case INTEGER -> {
                try {
                    yield Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an integer");
                }
            }
            case DATE -> date(text);
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
                case "false", "f", "no", "n", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean (true/false, yes/no, Y/N, 1/0)");
            };
        };
    }

    /** YYYY-MM-DD read digit by digit (java.time's formatter is the slowest step of a large file's load). */
    private static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // a month 13 or a February 30: refused below like any other text
                }
            }
        }
        throw new IllegalArgumentException("not a date (YYYY-MM-DD)");
    }

    /** The number written by the ASCII digits of {@code text[from, to)}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
