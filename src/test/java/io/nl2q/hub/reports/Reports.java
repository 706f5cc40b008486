package io.nl2q.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubHttp;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** The reports API as the tests drive it, over real HTTP. */
final class Reports {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "acme-demo-key";
    private static final Set<String> ENDS = Set.of("delivered", "skipped-unchanged", "failed", "parked");
    private final HubHttp http;

    Reports(HubHttp http) {
        this.http = http;
    }

    /** A saved SQL question with a unique name; returns its id. */
    long saveSql(String prefix, String sql) {
        var body = JSON.createObjectNode().put("name", prefix + "_" + System.nanoTime()).put("sql", sql);
        HubHttp.Reply r = http.post("/api/v1/saved-questions", KEY, body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    long saveQuestion(String prefix, String question) {
        var body = JSON.createObjectNode().put("name", prefix + "_" + System.nanoTime()).put("question", question);
        HubHttp.Reply r = http.post("/api/v1/saved-questions", KEY, body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** A schedule that never fires by itself in a test (a cron of 2099), run with {@link #runNow}. */
    long schedule(long savedQuestion, String format, String destinationJson, boolean onlyWhenChanged) {
        String body = """
                {"savedQuestion": %d, "cron": "0 0 7 ? * MON 2099", "timeZone": "America/New_York",
                 "format": "%s", "destination": %s, "onlyWhenChanged": %s}"""
                .formatted(savedQuestion, format, destinationJson, onlyWhenChanged);
        HubHttp.Reply r = http.post("/api/v1/schedules", KEY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    long runNow(long schedule) {
        HubHttp.Reply r = http.post("/api/v1/schedules/" + schedule + "/run", KEY, "");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("runId").asLong();
    }

    /** The run once it ended (within 60 s). */
    JsonNode ended(long schedule, long runId) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode run : http.get("/api/v1/schedules/" + schedule + "/runs", KEY).json()) {
                if (run.path("runId").asLong() == runId && ENDS.contains(run.path("status").asText())) {
                    found.set(run);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
