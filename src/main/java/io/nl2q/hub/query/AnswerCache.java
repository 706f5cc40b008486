package io.nl2q.hub.query;

import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import java.util.Date;
import java.util.Set;

/**
 * Answers already given, per tenant, semantic model version and normalized question. In-process (Caffeine) by
 * default; a shared implementation (Redis) is the production option across replicas.
 */
public interface AnswerCache {

    /**
     * The cached answer to this question in the caller's tenant, marked {@code cached}, with its own query id and the
     * time this request took; {@code null} when there is none.
     */
    QueryAnswer hit(Question question, Caller caller, Date startedAt, String queryId);

    /** Keeps a fresh answer; returns it unchanged. {@code sql} tells which tables it read. */
    QueryAnswer store(Question question, Caller caller, QueryAnswer answer, GuardedSql sql);

    /**
     * Forgets the tenant's answers that read any of {@code tables} (and those whose tables are unknown); an empty set
     * forgets all of the tenant's answers. Features that load data call this after committing.
     */
    void invalidate(String tenantId, Set<String> tables);

    /** Forgets the tenant's answer to one question (after feedback on it). */
    void evict(String tenantId, String question);
}
