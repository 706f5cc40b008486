package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The parse runs on the caller's thread and its time limit is kept there by {@link ParseDeadline}. */
class StatementParserTest {
    /** Some 99,000 characters, a quarter of a second or more to parse on a warm JVM: many watchdog ticks. */
    private static final String SLOW = "SELECT 1 FROM hcp WHERE hcp_id IN (" + "'abcdef',".repeat(10_900) + "'z')";

    @Test
    void aParsePastItsDeadlineIsRefusedAndTheNextParseIsUnaffected() {
        assertThat(SLOW.length()).isLessThan(StatementParser.MAX_CHARS);
        StatementParser hurried = new StatementParser(1);
        assertThatThrownBy(() -> hurried.parseSingleQuery(SLOW, false))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessage("the statement took too long to parse and is refused");
        assertThat(new StatementParser().parseSingleQuery("SELECT count(*) FROM hcp", false).toString())
                .isEqualTo("SELECT count(*) FROM hcp");
    }

    @Test
    void parsesOnTheCallersThreadAndStillRefusesASecondStatement() {
        StatementParser parser = new StatementParser();
        assertThat(parser.parseSingleQuery("SELECT 1", false).toString()).isEqualTo("SELECT 1");
        assertThatThrownBy(() -> parser.parseSingleQuery("SELECT 1; DROP TABLE hcp", false))
                .hasMessage("only one SELECT statement is allowed; found 2 statements (SELECT, DROP)");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("sql-guard-parser");
    }
}
