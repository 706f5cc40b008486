package io.nl2q.hub.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.pipeline.ModelVersion;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import java.util.Collections;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The in-process answer cache of one replica. */
@Component("answerCache")
class CaffeineAnswerCache implements AnswerCache {
    private final Cache<Key, Entry> answers;
    private final boolean enabled;
    private final ObjectProvider<ModelVersion> versions;

    @Autowired
    CaffeineAnswerCache(AnswerCacheProperties properties, ObjectProvider<ModelVersion> versions) {
        this(properties, versions, Ticker.systemTicker());
    }

    CaffeineAnswerCache(AnswerCacheProperties properties, ObjectProvider<ModelVersion> versions, Ticker ticker) {
        this.enabled = properties.enabled();
        this.versions = versions;
        this.answers = Caffeine.newBuilder().expireAfterWrite(properties.ttl()).maximumSize(properties.maxSize())
                .ticker(ticker).executor(Runnable::run).build();
    }

    @Override
    public QueryAnswer hit(Question question, Caller caller, Date startedAt, String queryId) {
        if (!enabled) {
            return null;
        }
        Entry entry = answers.getIfPresent(key(caller.tenant().id(), question.text()));
        if (entry == null) {
            return null;
        }
        QueryAnswer a = entry.answer();
        long elapsed = Math.max(0, System.currentTimeMillis() - startedAt.getTime());
        return a.withQuestion(question.text()).servedFromCache(elapsed, queryId);
    }

    @Override
    public QueryAnswer store(Question question, Caller caller, QueryAnswer answer, GuardedSql sql) {
        if (enabled) {
            Set<String> tables = sql == null ? Set.of() : lowerCase(sql.tables());
            answers.put(key(caller.tenant().id(), question.text()), new Entry(answer, tables));
        }
        return answer;
    }

    @Override
    public void invalidate(String tenantId, Set<String> tables) {
        Set<String> changed = lowerCase(tables);
        answers.asMap().entrySet().removeIf(e -> e.getKey().tenant().equals(tenantId)
                && (changed.isEmpty() || e.getValue().tables().isEmpty()
                || !Collections.disjoint(changed, e.getValue().tables())));
    }

    @Override
    public void evict(String tenantId, String question) {
        NormalizedQuestion normalized = NormalizedQuestion.of(question);
        answers.asMap().keySet().removeIf(k -> k.tenant().equals(tenantId) && k.question().equals(normalized));
    }

    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    private Key key(String tenantId, String question) {
        ModelVersion version = versions.getIfUnique();
        return new Key(tenantId, version == null ? ModelVersion.DEFAULT : version.of(tenantId),
                NormalizedQuestion.of(question));
    }

    private static Set<String> lowerCase(Set<String> tables) {
        return tables == null ? Set.of()
                : tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private record Key(String tenant, String modelVersion, NormalizedQuestion question) {
    }

    private record Entry(QueryAnswer answer, Set<String> tables) {
    }
}
