package io.nl2q.hub.powerbi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;

/** Warehouse rows as Olingo entities, typed as the feed's CSDL declares them. */
final class FeedEntities {
    private FeedEntities() {
    }

    /** @param position the row's 1-based position in the read, the synthetic key of sets without one */
    static Entity entity(FeedSet set, List<FeedColumn> read, List<Object> row, long position) {
        Entity entity = new Entity();
        entity.setType(FeedEdmProvider.typeName(set).getFullQualifiedNameAsString());
        if (set.syntheticKey()) {
            entity.addProperty(new Property(null, FeedSet.ROW_KEY, ValueType.PRIMITIVE, position));
        }
        for (int i = 0; i < read.size(); i++) {
            entity.addProperty(new Property(null, read.get(i).property(), ValueType.PRIMITIVE,
                    value(read.get(i), row.get(i))));
        }
        return entity;
    }

    /** A warehouse value (see ResultRows) as the Java type Olingo serializes for the column's OData type. */
    static Object value(FeedColumn column, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (column.type()) {
            case Int64 -> raw instanceof BigInteger b ? b.longValue() : ((Number) raw).longValue();
            case Decimal -> raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
            case Double -> ((Number) raw).doubleValue();
            case Date -> LocalDate.parse(raw.toString());
            case DateTimeOffset -> java.sql.Timestamp.from(LocalDateTime.parse(raw.toString()).toInstant(ZoneOffset.UTC));
            case Boolean -> raw;
            default -> raw.toString();
        };
    }

    /** The key values of a row, in the set's key order, as a page token carries them. */
    static List<String> keyOf(FeedSet set, List<FeedColumn> read, List<Object> row) {
        var key = new ArrayList<String>();
        for (String k : set.keys()) {
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i).sqlLabel().equals(k)) {
                    key.add(String.valueOf(row.get(i)));
                }
            }
        }
        return key;
    }
}
