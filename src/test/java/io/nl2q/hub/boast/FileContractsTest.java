package io.nl2q.hub.boast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contracts of connectors/boast read generically; a broken contract stops the hub at start. */
class FileContractsTest {

    @Test
    void theShippedContractsDescribeBothPartnerFiles() {
        var contracts = new FileContracts(FileContracts.read(Path.of("connectors/boast")));
        FileContract targets = contracts.forFile("hcp_targets_20260105.csv").orElseThrow();
        assertThat(targets.targetTable()).isEqualTo("hcp_target");
        assertThat(targets.targetColumns())
                .containsExactly("hcp_id", "product_id", "tier", "effective_date", "source_file");
        assertThat(targets.header()).containsExactlyInAnyOrder("npi", "product_name", "tier", "effective_date");
        FileContract formulary = contracts.forFile("formulary_20260105.csv").orElseThrow();
        assertThat(formulary.targetColumns())
                .containsExactly("payer_id", "product_id", "status", "prior_auth", "effective_date", "source_file");
        assertThat(contracts.forFile("hcp_targets_2026.csv")).isEmpty();
        assertThat(contracts.forFile("notes.txt")).isEmpty();
    }

    @Test
    void aContractWhoseKeyIsNotATargetColumnIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                file-pattern: 'bad_\\d{8}\\.csv'
                target-table: hcp_target
                keys: [hcp_id]
                columns:
                  - {name: npi, type: string, required: true}
                """);
        assertThatThrownBy(() -> FileContracts.read(dir)).hasMessageContaining("key hcp_id of contract bad");
    }

    @Test
    void typesParseWhatPartnersSend() {
        assertThat(ColumnType.BOOLEAN.parse("Y")).isEqualTo(true);
        assertThat(ColumnType.BOOLEAN.parse("false")).isEqualTo(false);
        assertThat(ColumnType.DATE.parse("2026-01-05")).hasToString("2026-01-05");
        assertThat(ColumnType.DATE.parse("2024-02-29")).hasToString("2024-02-29");
        for (String notADate : List.of("05/01/2026", "2025-02-29", "2025-04-31", "2025-13-01", "2025-00-10",
                "2025-1-05", "2025-01-5 ", "20250105", "2025/01/05", "２０２５-01-05", "2025-01-0x")) {
            assertThatThrownBy(() -> ColumnType.DATE.parse(notADate)).as(notADate)
                    .hasMessage("not a date (YYYY-MM-DD)");
        }
        assertThatThrownBy(() -> ColumnType.INTEGER.parse("1.5")).hasMessage("not an integer");
        assertThat(List.of(ColumnType.values())).hasSize(4);
    }
}
