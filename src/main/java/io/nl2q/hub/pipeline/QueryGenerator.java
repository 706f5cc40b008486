package io.nl2q.hub.pipeline;

import io.nl2q.hub.security.Caller;

/**
 * The step of the question flow that turns a question into SQL for the caller's tenant. It answers or throws
 * {@link io.nl2q.hub.errors.HubException} with UNANSWERABLE and suggestions; it never guesses.
 */
public interface QueryGenerator {
    GeneratedQuery generate(Question question, Caller caller);
}
