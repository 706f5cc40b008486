package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nl2q.hub.errors.ErrorCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HostileCorpusTest {
    private static final SqlCorpus HOSTILE = SqlCorpus.load("/guard/hostile.sql");
    private final SqlGuard guard = new SqlGuard();

    @Test
    void corpusIsLargeEnoughToMeanSomething() {
        assertThat(HOSTILE.entries()).hasSizeGreaterThanOrEqualTo(170);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileStatementIsRefusedWithItsReason() {
        return HOSTILE.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.label(), () -> {
            SqlRejectedException refused = catchThrowableOfType(SqlRejectedException.class,
                    () -> guard.check(entry.sql(), Fixtures.ACME));
            assertThat(refused).as("guard let through: %s", entry.sql()).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.SQL_REJECTED);
            if (entry.expect() != null) {
                assertThat(refused.getMessage()).containsIgnoringCase(entry.expect());
            }
        }));
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() {
        String huge = "SELECT 1 FROM hcp WHERE " + "decile = 1 OR ".repeat(10_000) + "decile = 2";
        assertThatThrownBy(() -> guard.check(huge, Fixtures.ACME))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void pathologicalNestingIsRefusedNotStackOverflow() {
        String deep = "SELECT " + "(".repeat(3_000) + "1" + ")".repeat(3_000) + " FROM hcp";
        assertThatThrownBy(() -> guard.check(deep, Fixtures.ACME)).isInstanceOf(SqlRejectedException.class);
    }
}
