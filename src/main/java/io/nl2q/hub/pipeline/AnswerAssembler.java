package io.nl2q.hub.pipeline;

import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.warehouse.QueryResult;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Puts the public answer together from what the flow's steps produced. */
@Component("answerAssembler")
public class AnswerAssembler {

    public QueryAnswer answer(Question question, GeneratedQuery generated, GuardedSql sql, QueryResult result,
                              Date startedAt, String queryId) {
        String explanation = generated.explanation();
        if (result.truncated()) {
            explanation = explanation + " Only the first " + result.rows().size() + " rows are shown.";
        }
        return new QueryAnswer(question.text(), sql.sql(), result.columns(), result.rows(), result.rows().size(),
                result.truncated(), explanation, generated.chart(), generated.engine(), false, since(startedAt),
                queryId);
    }

    public QueryAnswer sqlAnswer(GuardedSql sql, QueryResult result, Date startedAt, String queryId) {
        return new QueryAnswer(null, sql.sql(), result.columns(), result.rows(), result.rows().size(),
                result.truncated(), null, null, null, false, since(startedAt), queryId);
    }

    /** Whether an answer is served from and stored in the shared cache: unless its edge says not, or it is scoped. */
    public boolean cacheable(Boolean cacheable, AnswerScope scope) {
        return !Boolean.FALSE.equals(cacheable) && scope == null;
    }

    /** The generated query narrowed by the answer's scope, if it has one. */
    public GeneratedQuery scoped(GeneratedQuery generated, AnswerScope scope) {
        return scope == null ? generated : scope.narrow(generated);
    }

    /** Only the rows and columns of an answer, for the features that read a warehouse outside the question API. */
    public static QueryResult result(QueryAnswer answer) {
        return new QueryResult(answer.columns(), answer.rows(), answer.truncated());
    }

    private static long since(Date startedAt) {
        return Math.max(0, System.currentTimeMillis() - startedAt.getTime());
    }
}
