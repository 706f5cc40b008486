package io.nl2q.hub.warehouse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a result into portable column types (string, integer, decimal, number, date, timestamp, boolean) and
 * JSON-friendly values: whole numbers as Long (BigInteger past its range), dates as yyyy-MM-dd, timestamps ISO.
 * The same query thus gives equal rows on every engine.
 */
final class ResultRows {
    private ResultRows() {
    }

    static QueryResult read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        var columns = new ArrayList<QueryResult.ResultColumn>(count);
        String[] types = new String[count];
        for (int i = 0; i < count; i++) {
            types[i] = portableType(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1), meta.getScale(i + 1));
            columns.add(new QueryResult.ResultColumn(meta.getColumnLabel(i + 1), types[i]));
        }
        var rows = new ArrayList<List<Object>>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            Object[] row = new Object[count];
            for (int i = 0; i < count; i++) {
                row[i] = value(rs, i + 1, types[i]);
            }
            rows.add(java.util.Collections.unmodifiableList(Arrays.asList(row)));
        }
        return new QueryResult(columns, rows, truncated);
    }

    static String portableType(int jdbcType, String typeName, int scale) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.contains("HUGEINT") || name.equals("UBIGINT") || name.equals("UINTEGER")) {
            return "integer";
        }
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "integer";
            case Types.NUMERIC, Types.DECIMAL -> "decimal";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "number";
            case Types.DATE -> "date";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            default -> "string";
        };
    }

    private static Object value(ResultSet rs, int column, String type) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case "integer" -> wholeNumber(raw);
            case "decimal" -> raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
            case "number" -> raw instanceof Number n ? n.doubleValue() : Double.valueOf(raw.toString());
            case "date" -> isoDate(raw);
            case "timestamp" -> isoTimestamp(raw);
            case "boolean" -> raw instanceof Boolean b ? b : (raw instanceof Number n ? n.intValue() != 0
                    : Boolean.valueOf(raw.toString()));
            default -> raw instanceof String s ? s : rs.getString(column);
        };
    }

    private static Object wholeNumber(Object raw) {
        BigInteger big = raw instanceof BigInteger b ? b : raw instanceof BigDecimal d ? d.toBigInteger()
                : raw instanceof Number n ? BigInteger.valueOf(n.longValue()) : new BigInteger(raw.toString());
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static String isoDate(Object raw) {
        if (raw instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (raw instanceof LocalDate d) {
            return d.toString();
        }
        if (raw instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toLocalDate().toString();
        }
        String text = raw.toString();
        return text.length() >= 10 ? text.substring(0, 10) : text;
    }

    private static String isoTimestamp(Object raw) {
        if (raw instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return raw.toString().replace(' ', 'T');
    }
}
