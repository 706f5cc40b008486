package io.nl2q.hub.audit;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which PII columns a guarded statement reads: a PII column counts when its table is among the tables the guard bound
 * and the statement names the column or selects {@code *} / {@code t.*}. It errs on the side of reporting (a
 * multiplication sign looks like a star), which is the safe side for a compliance report.
 */
@Component
class PiiColumns {
    private static final Pattern STAR = Pattern.compile("(?:^|[\\s,.])\\*(?=\\s|,|$)");
    private final Set<String> columns;

    PiiColumns(AuditProperties properties) {
        this.columns = Set.copyOf(properties.piiColumns());
    }

    /** @return the PII columns read, comma-separated and sorted, or null when none */
    String read(String sql, Set<String> tables) {
        if (sql == null || tables == null || tables.isEmpty()) {
            return null;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        boolean star = STAR.matcher(lower).find();
        Set<String> found = new TreeSet<>();
        for (String qualified : columns) {
            int dot = qualified.indexOf('.');
            String table = qualified.substring(0, dot);
            String column = qualified.substring(dot + 1);
            if (tables.stream().anyMatch(t -> t.equalsIgnoreCase(table))
                    && (star || Pattern.compile("\\b" + column + "\\b").matcher(lower).find())) {
                found.add(qualified);
            }
        }
        return found.isEmpty() ? null : String.join(",", found);
    }

    /**
     * Which PII columns a result handed out: {@code table.column} entries count when configured; a bare label (a
     * derived result's column) counts as every configured PII column of that name, as the feed hides them.
     *
     * @return the PII columns, comma-separated and sorted, or null when none
     */
    String returned(Collection<String> columnsReturned) {
        Set<String> found = new TreeSet<>();
        for (String returned : columnsReturned) {
            String name = returned.toLowerCase(Locale.ROOT);
            for (String qualified : columns) {
                if (name.contains(".") ? qualified.equals(name)
                        : qualified.substring(qualified.indexOf('.') + 1).equals(name)) {
                    found.add(qualified);
                }
            }
        }
        return found.isEmpty() ? null : String.join(",", found);
    }
}
