package io.nl2q.hub.query;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.pipeline.FallbackQueryGenerator;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The query generator step of the question flow, in order: a verified query asked the same way; the deterministic
 * engine; when the engine declines, a verified query with the same meaning; then the fallback (LLM) when it serves
 * the caller. Paraphrases go to the engine before the verified queries so that a question the engine understands
 * gets the engine's own exact compilation, and similarity only fills the engine's gaps.
 *
 * <p>The deterministic engine is the one other {@link QueryGenerator} bean; when several exist, the one named
 * {@code semanticGenerator} (then {@code queryGenerator}) is taken.
 */
@Primary
@Component("compositeQueryGenerator")
public class CompositeQueryGenerator implements QueryGenerator, SmartInitializingSingleton {
    static final List<String> DETERMINISTIC_NAMES = List.of("semanticGenerator", "queryGenerator");
    private final ListableBeanFactory beans;
    private final VerifiedQueries verified;
    private final Supplier<List<FallbackQueryGenerator>> fallbacks;
    private volatile QueryGenerator deterministic;

    @Autowired
    CompositeQueryGenerator(ListableBeanFactory beans, VerifiedQueries verified,
                            ObjectProvider<FallbackQueryGenerator> fallbacks) {
        this.beans = beans;
        this.verified = verified;
        this.fallbacks = () -> fallbacks.orderedStream().toList();
    }

    /** For tests: the given engine and fallbacks. */
    CompositeQueryGenerator(QueryGenerator deterministic, VerifiedQueries verified,
                            List<FallbackQueryGenerator> fallbacks) {
        this.beans = null;
        this.deterministic = deterministic;
        this.verified = verified;
        this.fallbacks = () -> fallbacks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deterministic = findDeterministic();
    }

    @Override
    public GeneratedQuery generate(Question question, Caller caller) {
        var exact = verified.exact(question, caller);
        if (exact.isPresent()) {
            return exact.get();
        }
        try {
            return deterministic.generate(question, caller);
        } catch (HubException declined) {
            if (declined.code() != ErrorCode.UNANSWERABLE) {
                throw declined;
            }
            var similar = verified.similar(question, caller);
            if (similar.isPresent()) {
                return similar.get();
            }
            for (FallbackQueryGenerator fallback : fallbacks.get()) {
                if (fallback.serves(caller)) {
                    return fallback.generate(question, caller, declined);
                }
            }
            throw declined;
        }
    }

    QueryGenerator deterministic() {
        return deterministic;
    }

    private QueryGenerator findDeterministic() {
        var others = beans.getBeansOfType(QueryGenerator.class);
        others.values().removeIf(g -> g == this || g instanceof CompositeQueryGenerator);
        if (others.size() == 1) {
            return others.values().iterator().next();
        }
        for (String name : DETERMINISTIC_NAMES) {
            if (others.containsKey(name)) {
                return others.get(name);
            }
        }
        throw new IllegalStateException("the question flow needs exactly one deterministic QueryGenerator besides "
                + "the composite (or one named " + DETERMINISTIC_NAMES + "); found " + others.keySet());
    }
}
