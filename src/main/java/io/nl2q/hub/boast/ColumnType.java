package io.nl2q.hub.boast;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
            case DATE -> {
                try {
                    yield LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a date (YYYY-MM-DD)");
                }
            }
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
                case "false", "f", "no", "n", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean (true/false, yes/no, Y/N, 1/0)");
            };
        };
    }
}
