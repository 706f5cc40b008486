package io.nl2q.hub.reports.saved;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved question as the API shows it: what was saved (a question or SQL) and the guarded SQL it compiled to.
 *
 * @param compiledSql the guarded SQL of the question when it was saved (the SQL itself for saved SQL)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedQuestionEntry(long id, String name, String question, String sql, String compiledSql,
                                 String createdBy, Instant createdAt) {
    public SavedQuestionEntry {
        Objects.requireNonNull(name, "name");
        if ((question == null) == (sql == null)) {
            throw new IllegalArgumentException("a saved question has either a question or SQL");
        }
    }
}
