package io.nl2q.hub.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A data-change event forgets the tenant's cached answers and tells every listener; other events change nothing. */
class DataChangeEventsTest {
    final List<String> invalidated = new ArrayList<>();
    final List<String> told = new ArrayList<>();
    final AnswerCache cache = new AnswerCache() {
        @Override
        public QueryAnswer hit(Question question, Caller caller, Date startedAt, String queryId) {
            return null;
        }

        @Override
        public QueryAnswer store(Question question, Caller caller, QueryAnswer answer, GuardedSql sql) {
            return answer;
        }

        @Override
        public void invalidate(String tenantId, Set<String> tables) {
            invalidated.add(tenantId + ":" + tables);
        }

        @Override
        public void evict(String tenantId, String question) {
        }
    };
    final DataChangeEvents events = new DataChangeEvents(new ObjectMapper(), cache,
            List.of((tenant, tables) -> told.add(tenant + ":" + tables)));

    @Test
    void dataChangedReachesCacheAndListeners() {
        String tenant = events.apply("""
                {"specversion":"1.0","type":"io.nl2q.data.changed","id":"e1","data":{"tenant":"acme","tables":["formulary"]}}""");
        assertThat(tenant).isEqualTo("acme");
        assertThat(invalidated).containsExactly("acme:[formulary]");
        assertThat(told).containsExactly("acme:[formulary]");
    }

    @Test
    void otherEventsAndGarbageAreIgnored() {
        assertThat(events.apply("{\"type\":\"io.nl2q.other\",\"data\":{\"tenant\":\"acme\"}}")).isNull();
        assertThat(events.apply("not json")).isNull();
        assertThat(events.apply("{\"type\":\"io.nl2q.data.changed\",\"data\":{}}")).isNull();
        assertThat(invalidated).isEmpty();
        assertThat(told).isEmpty();
    }
}
