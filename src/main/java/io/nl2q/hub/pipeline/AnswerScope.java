package io.nl2q.hub.pipeline;

/**
 * Narrows a generated query before the guard sees it (the widget's ask box: this HCP's rows only). An answer with a
 * scope is never cached, since the cache is shared by everyone in a tenant.
 */
public interface AnswerScope {
    /** The narrowed query; throws a {@link io.nl2q.hub.errors.HubException} when it cannot be narrowed. */
    GeneratedQuery narrow(GeneratedQuery generated);
}
