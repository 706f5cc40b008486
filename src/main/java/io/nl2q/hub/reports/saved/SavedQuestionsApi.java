package io.nl2q.hub.reports.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.audit.AuditedAnswers;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.GuardStep;
import io.nl2q.hub.pipeline.ModelVersion;
import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.reports.JsonBodies;
import io.nl2q.hub.reports.SavedQuestion;
import io.nl2q.hub.security.Caller;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@code /api/v1/saved-questions}: saves a question, SQL, or the answer just given ({@code queryId}), compiled and
 * guarded now so a question that cannot be answered is refused when it is saved, not when its schedule fires.
 */
@Component("savedQuestionsApi")
public class SavedQuestionsApi {
    private static final int MAX_TEXT = 20_000;
    private final ObjectMapper json;
    private final SavedQuestionCatalog catalog;
    private final QueryGenerator generator;
    private final GuardStep guard;
    private final AuditedAnswers answers;
    private final ObjectProvider<ModelVersion> versions;

    SavedQuestionsApi(ObjectMapper json, SavedQuestionCatalog catalog,
                      @Qualifier("compositeQueryGenerator") QueryGenerator generator, GuardStep guard,
                      AuditedAnswers answers, ObjectProvider<ModelVersion> versions) {
        this.versions = versions;
        this.json = json;
        this.catalog = catalog;
        this.generator = generator;
        this.guard = guard;
        this.answers = answers;
    }

    public SavedQuestionEntry create(String body, Caller caller) {
        JsonNode root = JsonBodies.object(json, body);
        String name = JsonBodies.text(root, "name");
        if (name == null || !SavedQuestion.NAME.matcher(name).matches()) {
            throw JsonBodies.bad("name", "must be an identifier of letters, digits and '_' starting with a letter (at most 100)");
        }
        String tenant = caller.tenant().id();
        if (catalog.nameTaken(tenant, name)) {
            throw JsonBodies.bad("name", "a saved question named " + name + " already exists in your tenant");
        }
        String question = JsonBodies.text(root, "question");
        String sql = JsonBodies.text(root, "sql");
        String queryId = JsonBodies.text(root, "queryId");
        int given = (question != null ? 1 : 0) + (sql != null ? 1 : 0) + (queryId != null ? 1 : 0);
        if (given != 1) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST,
                    "send exactly one of the fields \"question\", \"sql\" and \"queryId\"");
        }
        if (queryId != null) {
            Answered answered = answered(queryId, tenant);
            question = answered.question();
            sql = answered.sql();
        }
        String compiled;
        if (question != null) {
            check("question", question);
            compiled = guard.guard(generator.generate(new Question(question), caller).sql(), caller).sql();
            sql = null;
        } else {
            check("sql", sql);
            compiled = guard.guard(sql, caller).sql();
        }
        ModelVersion version = versions.getIfUnique();
        long id = catalog.insert(tenant, name, question, sql, compiled, caller.subject(),
                version == null ? ModelVersion.DEFAULT : version.of(tenant));
        return catalog.get(tenant, id);
    }

    public List<SavedQuestionEntry> list(Caller caller) {
        return catalog.list(caller.tenant().id());
    }

    public SavedQuestionEntry get(String id, Caller caller) {
        return catalog.get(caller.tenant().id(), id(id));
    }

    public String delete(String id, Caller caller) {
        catalog.delete(caller.tenant().id(), id(id));
        return null;
    }

    /** The question of an answer this tenant was given (or the SQL of an analyst's request), from the audit rows. */
    private Answered answered(String queryId, String tenant) {
        if (queryId.length() > 64) {
            throw JsonBodies.bad("queryId", "must be the queryId of an answer");
        }
        return answers.find(tenant, queryId, Set.of("question", "sql"))
                .map(row -> "sql".equals(row.kind()) ? new Answered(null, row.sql())
                        : new Answered(row.question(), null))
                .orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST,
                        "no answer with queryId " + queryId + " in your tenant"));
    }

    private record Answered(String question, String sql) {
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST, "no such id " + id);
        }
    }

    private static void check(String field, String value) {
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw JsonBodies.bad(field, "must be non-empty text of at most " + MAX_TEXT + " characters");
        }
    }



}
