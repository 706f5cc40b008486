package io.nl2q.hub.reports.saved;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved question as the API shows it: what was saved (a question or SQL) and the guarded SQL it compiled to.
 *
 * @param compiledSql  the guarded SQL the question compiled to with {@code modelVersion} (the SQL itself for saved SQL)
 * @param status       {@code ok}, or {@code broken} when the question no longer compiles with the current semantic
 *                     model ({@code compileError} says why; its owner was told, see SavedQuestionRecompiler)
 * @param modelVersion the semantic model version it was last compiled with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedQuestionEntry(long id, String name, String question, String sql, String compiledSql,
                                 String createdBy, Instant createdAt, String status, String compileError,
                                 String modelVersion, Instant compiledAt) {
    public static final String OK = "ok";
    public static final String BROKEN = "broken";

    public SavedQuestionEntry {
        Objects.requireNonNull(name, "name");
        status = status == null ? OK : status;
        if ((question == null) == (sql == null)) {
            throw new IllegalArgumentException("a saved question has either a question or SQL");
        }
    }
}
