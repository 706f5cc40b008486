package io.nl2q.hub.powerbi;

import java.util.Objects;

/** A column of a push dataset table and its Power BI data type (Int64, Double, Decimal, Boolean, DateTime, String). */
record PushColumn(String name, String dataType) {
    PushColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }

    /** The push data type of a portable warehouse type (see ResultRows). */
    static PushColumn of(String name, String portableType) {
        return new PushColumn(name, switch (portableType) {
            case "integer" -> "Int64";
            case "decimal" -> "Decimal";
            case "number" -> "Double";
            case "boolean" -> "Boolean";
            case "date", "timestamp" -> "DateTime";
            default -> "String";
        });
    }
}
