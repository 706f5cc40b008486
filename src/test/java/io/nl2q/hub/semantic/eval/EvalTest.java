package io.nl2q.hub.semantic.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.semantic.DemoWarehouses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The development set as a regression gate: the targets, asserted on every build. Compared by values, like
 * the blind sets: an answer may label a quarter by its year and number beside its first day, never lose a gold column.
 */
class EvalTest {

    @Test
    void meetsTheTargetsOnTheDevelopmentSet() throws Exception {
        EvalReport report = EvalCommand.run(Path.of("eval/questions.yaml"), Path.of("config/semantic/pharma.yaml"),
                DemoWarehouses.acme(), DemoWarehouses.SCHEMA, true);
        String figures = report.text(true);
        assertThat(report.answerable()).as(figures).isGreaterThanOrEqualTo(300);
        assertThat(report.mustRefuse()).as(figures).isGreaterThanOrEqualTo(50);
        assertThat(report.executionAccuracy()).as(figures).isGreaterThanOrEqualTo(0.95);
        assertThat(report.refusalRecall()).as(figures).isEqualTo(1.0);
        assertThat(report.answeredRight()).as(figures).isGreaterThanOrEqualTo(0.99);
    }
}
