package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAndTimeTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 26);
    private final TimeParser time = new TimeParser(AS_OF);

    @Test
    void foldsPluralsAndAgentForms() {
        assertThat(Text.key("Endocrinologists")).isEqualTo(Text.key("endocrinology"));
        assertThat(Text.key("rheumatologist")).isEqualTo(Text.key("Rheumatology"));
        assertThat(Text.key("territories")).isEqualTo(Text.key("territory"));
        assertThat(Text.key("OB/GYN")).isEqualTo("ob gyn");
        assertThat(Text.tokens("didn't write top5")).containsExactly("did", "not", "write", "top", "5");
    }

    @Test
    void correctsTyposOfLongerWordsOnlyAndNeverOnATie() {
        List<String> vocabulary = List.of("tirosint", "synthroid", "region", "west");
        assertThat(Fuzzy.correct("tirosnit", vocabulary)).contains("tirosint");
        assertThat(Fuzzy.correct("synthriod", vocabulary)).contains("synthroid");
        assertThat(Fuzzy.correct("wast", vocabulary)).isEmpty();
        assertThat(Fuzzy.correct("legion", vocabulary)).contains("region");
        assertThat(Fuzzy.correct("abcdefg", List.of("abcdefh", "abcdefi"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "q4 2024, 2024-10-01, 2024-12-31",
            "first quarter of 2024, 2024-01-01, 2024-03-31",
            "march 2025, 2025-03-01, 2025-03-31",
            "2023, 2023-01-01, 2023-12-31",
            "last quarter, 2025-07-01, 2025-09-30",
            "this quarter, 2025-10-01, 2025-12-31",
            "ytd, 2025-01-01, 2025-12-26",
            "this year, 2025-01-01, 2025-12-26",
            "last year, 2024-01-01, 2024-12-31",
            "last 12 weeks, 2025-10-04, 2025-12-26",
            "past 3 months, 2025-10-01, 2025-12-26",
            "last month, 2025-11-01, 2025-11-30",
            "h2 2024, 2024-07-01, 2024-12-31",
            "last quarter of 2024, 2024-10-01, 2024-12-31"})
    void resolvesPeriodsAgainstTheAsOfDate(String phrase, LocalDate from, LocalDate to) {
        List<TimeParser.Span> spans = time.parse(Text.tokens(phrase));
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).first().from()).isEqualTo(from);
        assertThat(spans.get(0).first().to()).isEqualTo(to);
    }

    @Test
    void readsTwoPeriodsAndThePeriodBefore() {
        TimeParser.Span span = time.parse(Text.tokens("grew from 2024 to 2025")).get(0);
        assertThat(span.first().label()).isEqualTo("2024");
        assertThat(span.second().label()).isEqualTo("2025");
        assertThat(TimeParser.quarter(2025, 1).previous().from()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(TimeParser.quarter(2025, 2).previous().to()).isEqualTo(LocalDate.of(2025, 3, 31));
    }
}
