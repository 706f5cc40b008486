package io.nl2q.hub.pipeline;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.security.Caller;

/**
 * A generator consulted only for a question the deterministic engine declined (the optional LLM). It answers, or
 * throws; it may rethrow the engine's refusal, whose suggestions are the best a caller can get.
 */
public interface FallbackQueryGenerator {

    /** Whether it may be asked for this caller (enabled, and enabled for the caller's tenant). */
    boolean serves(Caller caller);

    GeneratedQuery generate(Question question, Caller caller, HubException declined);
}
