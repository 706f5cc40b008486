package io.nl2q.hub.reports;

import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant's named question or SQL. Its name is an identifier (it becomes an OData entity set and a Power BI table).
 * Exactly one of {@code question} and {@code sql} is set.
 */
public record SavedQuestion(long id, String tenantId, String name, String question, String sql) {
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    public SavedQuestion {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a saved question's name must match " + NAME + ": " + name);
        }
        if ((question == null) == (sql == null)) {
            throw new IllegalArgumentException("a saved question has either a question or SQL");
        }
    }

    public boolean isSql() {
        return sql != null;
    }

    /**
     * The SQL this saved question stands for, for {@code caller}: its own, or what the query generator makes of its
     * question now (so it follows the semantic model); still to be guarded before it runs.
     */
    public String sqlFor(Caller caller, QueryGenerator generator) {
        String text = isSql() ? sql : generator.generate(new Question(question), caller).sql();
        return text.strip().replaceFirst(";\\s*$", "");
    }
}
