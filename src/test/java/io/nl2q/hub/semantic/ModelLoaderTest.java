package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {

    @Test
    void loadsThePharmaModelWithEveryTermOfTheSchema() {
        SemanticModel model = ModelLoader.load(Path.of("config/semantic/pharma.yaml"));
        assertThat(model.tables()).extracting(ModelTable::name)
                .containsExactly("territory", "hcp", "product", "payer", "rx_weekly", "call_activity",
                        "hcp_target", "formulary");
        assertThat(model.defaultMetric().name()).isEqualTo("trx");
        assertThat(model.field("rx_weekly", "writers")).isPresent();
        assertThat(model.field("call_activity", "reach").orElseThrow().expr()).isEqualTo("COUNT(DISTINCT hcp_id)");
        assertThat(model.table("hcp").orElseThrow().synonyms()).contains("prescriber", "doctor", "physician", "provider");
        assertThat(model.verifiedQueries()).isNotEmpty();
        assertThat(model.asOfDimension().orElseThrow().name()).isEqualTo("week_ending");
    }

    @Test
    void loadsAModelOfAnotherSchema() {
        SemanticModel model = ModelLoader.load(Path.of("src/test/resources/semantic/other.yaml"));
        assertThat(model.defaultMetric().name()).isEqualTo("revenue");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unknown-column.yaml    | sale.revenue: unknown column 'amountt' in expr 'SUM(amountt)'",
            "unknown-table.yaml     | relationship sale_item: unknown table 'items_table'",
            "duplicate-synonym.yaml | duplicate synonym 'shop': both table store and store.district",
            "missing-field.yaml     | model.tables[1].dimensions[1]: missing required field 'expr'",
            "bad-cardinality.yaml   | relationship_type must be many_to_one or one_to_one, not 'one_to_many'",
            "not-yaml.yaml          | not valid YAML"})
    void refusesABrokenModelNamingTheProblem(String file, String problem) {
        assertThatThrownBy(() -> ModelLoader.load(Path.of("src/test/resources/semantic/broken", file)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(problem);
    }
}
