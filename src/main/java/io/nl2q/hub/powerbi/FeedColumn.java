package io.nl2q.hub.powerbi;

import java.util.Objects;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;

/**
 * A column of an entity set: its OData property name, the label it has in SQL, its OData type and nullability.
 * The property name is the SQL label made a valid OData identifier (they differ only for saved questions whose
 * columns have labels such as {@code SUM(trx)}).
 */
record FeedColumn(String property, String sqlLabel, EdmPrimitiveTypeKind type, boolean nullable) {
    FeedColumn {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(sqlLabel, "sqlLabel");
        Objects.requireNonNull(type, "type");
    }

    /** The OData type of a portable result type of the warehouse (see ResultRows). */
    static EdmPrimitiveTypeKind typeOf(String portableType) {
        return switch (portableType) {
            case "integer" -> EdmPrimitiveTypeKind.Int64;
            case "decimal" -> EdmPrimitiveTypeKind.Decimal;
            case "number" -> EdmPrimitiveTypeKind.Double;
            case "date" -> EdmPrimitiveTypeKind.Date;
            case "timestamp" -> EdmPrimitiveTypeKind.DateTimeOffset;
            case "boolean" -> EdmPrimitiveTypeKind.Boolean;
            default -> EdmPrimitiveTypeKind.String;
        };
    }

    /** {@code label} as an OData SimpleIdentifier: letters, digits and underscores, not starting with a digit. */
    static String propertyName(String label) {
        String name = label.replaceAll("[^A-Za-z0-9_]", "_");
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return name.length() > 128 ? name.substring(0, 128) : name;
    }
}
