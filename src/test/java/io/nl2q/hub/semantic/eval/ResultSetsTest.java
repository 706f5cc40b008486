package io.nl2q.hub.semantic.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSetsTest {
    private static final List<List<Object>> GOLD = List.of(List.of("Ana", 49), List.of("John", 45),
            List.of("James", 45), List.of("Maria", 30));

    @Test
    void rowsTiedOnTheSortColumnMayComeInEitherOrder() {
        List<List<Object>> engine = List.of(List.of("H1", "Ana", 49), List.of("H2", "James", 45),
                List.of("H3", "John", 45), List.of("H4", "Maria", 30));
        assertThat(ResultSets.sameByValues(GOLD, engine, true)).isTrue();
    }

    @Test
    void rowsOutOfOrderOnTheSortColumnAreWrong() {
        List<List<Object>> engine = List.of(List.of("Ana", 49), List.of("Maria", 30), List.of("John", 45),
                List.of("James", 45));
        assertThat(ResultSets.sameByValues(GOLD, engine, true)).isFalse();
        assertThat(ResultSets.sameByValues(GOLD, engine, false)).isTrue();
    }

    @Test
    void otherRowsAreWrongWhateverTheOrder() {
        List<List<Object>> engine = List.of(List.of("Ana", 49), List.of("John", 45), List.of("James", 44),
                List.of("Maria", 30));
        assertThat(ResultSets.sameByValues(GOLD, engine, true)).isFalse();
    }
}
