package io.nl2q.hub.query;

import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.retrieval.IndexedText;
import io.nl2q.hub.retrieval.Match;
import io.nl2q.hub.retrieval.RetrievalProperties;
import io.nl2q.hub.retrieval.SemanticIndex;
import io.nl2q.hub.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's verified queries: kept in app state, found by normalized question or, for paraphrases, by meaning. A
 * match by meaning is used only when the verified SQL cannot be about something else than the question: every
 * string literal of the SQL must be named in the question and both must carry the same numbers (a verified "Tirosint
 * in Q4 2024" never answers "Flector in Q4 2024" or "Tirosint in Q3 2024").
 */
@Component("verifiedQueries")
public class VerifiedQueries {
    static final String ENGINE = "verified";
    static final String KIND = "verified";
    private static final Logger log = LoggerFactory.getLogger(VerifiedQueries.class);
    private final JdbcTemplate jdbc;
    private final SemanticIndex index;
    private final double threshold;
    private final Map<String, Boolean> indexedTenants = new ConcurrentHashMap<>();

    VerifiedQueries(JdbcTemplate jdbc, SemanticIndex index, RetrievalProperties retrieval) {
        this.jdbc = jdbc;
        this.index = index;
        this.threshold = retrieval.verifiedThreshold();
    }

    /** The verified query asked exactly so (up to case, spacing and trailing punctuation). */
    public Optional<GeneratedQuery> exact(Question question, Caller caller) {
        return jdbc.query("SELECT verified_id, question, sql_text FROM verified_query WHERE tenant_id = ? AND question_hash = ?",
                        (rs, n) -> new Verified(rs.getLong(1), rs.getString(2), rs.getString(3)),
                        caller.tenant().id(), hash(NormalizedQuestion.of(question)))
                .stream().findFirst().map(v -> v.generated("asked the same way"));
    }

    /** The verified query closest in meaning, above the threshold, naming the same values and numbers. */
    public Optional<GeneratedQuery> similar(Question question, Caller caller) {
        String tenant = caller.tenant().id();
        List<Match> matches;
        try {
            ensureIndexed(tenant);
            matches = index.search(tenant, KIND, question.text(), 3, threshold);
        } catch (RuntimeException e) {
            log.warn("verified queries of {} could not be searched; going on without them", tenant, e);
            return Optional.empty();
        }
        for (Match m : matches) {
            Optional<Verified> v = byId(tenant, Long.parseLong(m.id()));
            if (v.isPresent() && SameSubject.holds(question.text(), v.get().question(), v.get().sql())) {
                return Optional.of(v.get().generated(String.format(java.util.Locale.ROOT,
                        "asked with the same meaning (similarity %.2f)", m.score())));
            }
        }
        return Optional.empty();
    }

    /** Up to {@code max} verified question/SQL pairs of the caller's tenant closest to the question (prompt examples). */
    public List<Map.Entry<String, String>> examples(Question question, Caller caller, int max) {
        String tenant = caller.tenant().id();
        ensureIndexed(tenant);
        return index.search(tenant, KIND, question.text(), max, 0.3).stream()
                .flatMap(m -> byId(tenant, Long.parseLong(m.id())).stream())
                .map(v -> Map.entry(v.question(), v.sql()))
                .toList();
    }

    /** The questions analysts verified in the tenant, newest first (typing suggestions). */
    public List<String> questions(String tenant, int max) {
        return jdbc.queryForList("SELECT question FROM verified_query WHERE tenant_id = ? ORDER BY verified_id DESC"
                + " LIMIT ?", String.class, tenant, max);
    }

    /** Makes {@code sql} the verified answer to the question in the caller's tenant; returns its id. */
    @Transactional
    public long verify(Caller caller, String question, String sql, String sourceQueryId) {
        String tenant = caller.tenant().id();
        String hash = hash(NormalizedQuestion.of(question));
        jdbc.update("DELETE FROM verified_query WHERE tenant_id = ? AND question_hash = ?", tenant, hash);
        jdbc.update("""
                INSERT INTO verified_query (tenant_id, question, question_hash, sql_text, source_query_id, verified_by,
                                            created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", tenant, question, hash, sql, sourceQueryId, caller.subject(),
                Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("SELECT verified_id FROM verified_query WHERE tenant_id = ? AND question_hash = ?",
                Long.class, tenant, hash);
        indexedTenants.remove(tenant); // re-read on the next search: the replaced row has gone from the index too
        return id;
    }

    /** Withdraws the verified answer to the question, if any (an analyst marked it wrong). */
    public boolean revoke(Caller caller, String question) {
        String tenant = caller.tenant().id();
        List<Long> ids = jdbc.queryForList("SELECT verified_id FROM verified_query WHERE tenant_id = ? AND question_hash = ?",
                Long.class, tenant, hash(NormalizedQuestion.of(question)));
        ids.forEach(id -> {
            jdbc.update("DELETE FROM verified_query WHERE tenant_id = ? AND verified_id = ?", tenant, id);
            index.remove(tenant, KIND, String.valueOf(id));
        });
        return !ids.isEmpty();
    }

    private void ensureIndexed(String tenant) {
        indexedTenants.computeIfAbsent(tenant, t -> {
            jdbc.query("SELECT verified_id, question FROM verified_query WHERE tenant_id = ?",
                    rs -> {
                        index.put(t, new IndexedText(KIND, String.valueOf(rs.getLong(1)), rs.getString(2)));
                    }, t);
            return true;
        });
    }

    private Optional<Verified> byId(String tenant, long id) {
        return jdbc.query("SELECT verified_id, question, sql_text FROM verified_query WHERE tenant_id = ? AND verified_id = ?",
                (rs, n) -> new Verified(rs.getLong(1), rs.getString(2), rs.getString(3)), tenant, id).stream().findFirst();
    }

    static String hash(NormalizedQuestion question) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(question.text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Verified(long id, String question, String sql) {
        GeneratedQuery generated(String how) {
            return new GeneratedQuery(sql, ENGINE, "Answered with the SQL an analyst of your team verified for \""
                    + question + "\" (" + how + ").", Chart.table());
        }
    }
}
