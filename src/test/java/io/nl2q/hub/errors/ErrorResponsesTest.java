package io.nl2q.hub.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every failure is rendered into the public contract without internals; waits become Retry-After. */
class ErrorResponsesTest {
    private final ErrorResponses responses = new ErrorResponses();

    @Test
    void categorizedFailureKeepsCodePhaseMessageAndSuggestions() {
        ApiError e = responses.render(new HubException(ErrorCode.UNANSWERABLE, Phase.GENERATE, "no such product",
                List.of("Tirosint"), null), "c-1");
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.payload().get("error")).isEqualTo(
                new ApiError.Body("UNANSWERABLE", "no such product", "generate", "c-1", List.of("Tirosint")));
        assertThat(e.retryAfterSeconds()).isNull();
    }

    @Test
    void wrappedCategorizedFailureIsFound() {
        ApiError e = responses.render(new IllegalStateException("wrapper",
                new HubException(ErrorCode.QUERY_TIMEOUT, Phase.EXECUTE, "took too long")), "c-2");
        assertThat(e.status()).isEqualTo(504);
    }

    @Test
    void rateLimitCarriesRetryAfterRoundedUpToWholeSeconds() {
        HubException wait = new HubException(ErrorCode.RATE_LIMITED, Phase.GENERATE, "slow down") {
            @Override
            public Optional<Duration> retryAfter() {
                return Optional.of(Duration.ofMillis(2_100));
            }
        };
        ApiError e = responses.render(wait, "c-3");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfterSeconds()).isEqualTo(3L);
    }

    @Test
    void malformedJsonIsABadRequestAndAnythingElseIsInternalWithoutDetail() {
        assertThat(responses.render(new JsonParseException(null, "Unexpected character"), "c-4").status())
                .isEqualTo(400);
        ApiError internal = responses.render(new NullPointerException("secret.internal.Field"), "c-5");
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.payload().get("error").message()).doesNotContain("secret").contains("correlation id");
    }
}
