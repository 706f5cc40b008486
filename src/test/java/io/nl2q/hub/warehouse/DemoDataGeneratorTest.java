package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {
    private static CollectingSink small;

    @BeforeAll
    static void generate() throws Exception {
        small = CollectingSink.generate(0.02, 42);
    }

    @Test
    void sameScaleAndSeedGiveTheSameRowsAndAnotherSeedDoesNot() throws Exception {
        assertThat(CollectingSink.generate(0.02, 42).sha256()).isEqualTo(small.sha256());
        assertThat(CollectingSink.generate(0.02, 43).sha256()).isNotEqualTo(small.sha256());
    }

    @Test
    void rowCountsScaleLinearlyButReferenceTablesDoNot() throws Exception {
        var bigger = CollectingSink.generate(0.04, 42);
        assertThat(small.rows("hcp")).hasSize(120);
        assertThat(bigger.rows("hcp")).hasSize(240);
        for (String table : List.of("territory", "product", "payer")) {
            assertThat(bigger.rows(table)).hasSameSizeAs(small.rows(table));
        }
        double rxRatio = bigger.rows("rx_weekly").size() / (double) small.rows("rx_weekly").size();
        double callRatio = bigger.rows("call_activity").size() / (double) small.rows("call_activity").size();
        assertThat(rxRatio).isBetween(1.7, 2.3);
        assertThat(callRatio).isBetween(1.7, 2.3);
        // scale 1.0 is about 3 to 5 million prescription rows and 250,000 calls
        assertThat(small.rows("rx_weekly").size() / 0.02).isBetween(3_000_000.0, 5_000_000.0);
        assertThat(small.rows("call_activity").size() / 0.02).isBetween(200_000.0, 300_000.0);
        assertThat(small.rows("hcp_target")).isEmpty();
        assertThat(small.rows("formulary")).isEmpty();
    }

    @Test
    void referenceValuesAreThoseOfTheSchemaDocument() {
        var territories = small.rows("territory");
        assertThat(territories.get(0)).containsSequence("T01", "Boston", "Northeast", "MA");
        assertThat(territories.get(29)).containsSequence("T30", "Denver", "West", "CO");
        assertThat(small.rows("product").get(9)).containsExactly("P10", "Flector", "diclofenac epolamine",
                "Topical NSAID", "IBSA", true);
        assertThat(small.rows("payer").get(7)).containsExactly("Y8", "Cash", "Cash");
    }

    @Test
    void prescriptionsArePlausible() {
        Set<LocalDate> weeks = new HashSet<>();
        for (var row : small.rows("rx_weekly")) {
            LocalDate week = (LocalDate) row.get(0);
            int trx = (Integer) row.get(4);
            int nrx = (Integer) row.get(5);
            int units = (Integer) row.get(6);
            assertThat(week.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(trx).isPositive();
            assertThat(nrx).isBetween(0, trx);
            assertThat(units).isBetween(trx * 15, trx * 336);
            weeks.add(week);
        }
        assertThat(weeks).hasSize(156).contains(LocalDate.of(2023, 1, 6), LocalDate.of(2025, 12, 26));
    }

    @Test
    void everyTerritoryProductAndPayerHasRowsInEveryQuarter() {
        Map<String, String> territoryOf = small.rows("hcp").stream()
                .collect(Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(9)));
        var seen = new HashMap<String, Set<String>>();
        for (var row : small.rows("rx_weekly")) {
            LocalDate week = (LocalDate) row.get(0);
            String quarter = week.getYear() + "Q" + ((week.getMonthValue() - 1) / 3 + 1);
            for (String key : List.of(territoryOf.get((String) row.get(1)), (String) row.get(2), (String) row.get(3))) {
                seen.computeIfAbsent(quarter, q -> new HashSet<>()).add(key);
            }
        }
        assertThat(seen).hasSize(12);
        seen.forEach((quarter, keys) -> assertThat(keys).as(quarter).hasSize(30 + 14 + 8));
    }

    @Test
    void hcpsAreConsistentWithTheirTerritories() {
        var territories = small.rows("territory").stream().collect(Collectors.toMap(r -> r.get(0), r -> r));
        Set<Object> npis = new HashSet<>();
        int withCrm = 0;
        for (var hcp : small.rows("hcp")) {
            var territory = territories.get(hcp.get(9));
            assertThat(hcp.get(7)).isEqualTo(territory.get(1));
            assertThat(hcp.get(8)).isEqualTo(territory.get(3));
            assertThat((String) hcp.get(1)).matches("\\d{10}");
            assertThat(npis.add(hcp.get(1))).isTrue();
            assertThat(hcp.get(4)).isEqualTo(hcp.get(2) + " " + hcp.get(3));
            assertThat((Integer) hcp.get(6)).isBetween(1, 10);
            if (hcp.get(10) != null) {
                assertThat((String) hcp.get(10)).matches("001[0-9A-Za-z]{15}");
                withCrm++;
            }
        }
        assertThat(withCrm).isBetween(90, 119);
    }

    @Test
    void callsAreOnWeekdaysAboutPromotedBrandsAndEmailsLastNoTime() {
        Set<Object> promoted = Set.of("P01", "P02", "P10", "P11");
        for (var call : small.rows("call_activity")) {
            LocalDate day = (LocalDate) call.get(1);
            assertThat(day.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(day).isBetween(LocalDate.of(2023, 1, 6), LocalDate.of(2025, 12, 26));
            assertThat(promoted).contains(call.get(4));
            assertThat(List.of("In-Person", "Virtual", "Phone", "Email")).contains((String) call.get(5));
            if (call.get(5).equals("Email")) {
                assertThat(call.get(6)).isEqualTo(0);
            } else {
                assertThat((Integer) call.get(6)).isPositive();
            }
            if (call.get(7) != null) {
                assertThat((String) call.get(7)).hasSize(18);
            }
        }
    }

    @Test
    void highDecilesWriteMoreAndPromotedBrandsGainShare() {
        Map<Object, Integer> decileOf = small.rows("hcp").stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> (Integer) r.get(6)));
        long[] byDecile = new long[11];
        long[] promotedByYear = new long[3];
        long[] marketByYear = new long[3];
        for (var row : small.rows("rx_weekly")) {
            int trx = (Integer) row.get(4);
            byDecile[decileOf.get(row.get(1))] += trx;
            int year = ((LocalDate) row.get(0)).getYear() - 2023;
            if (((String) row.get(2)).compareTo("P10") >= 0) {
                marketByYear[year] += trx;
                promotedByYear[year] += row.get(2).equals("P10") || row.get(2).equals("P11") ? trx : 0;
            }
        }
        assertThat(byDecile[10]).isGreaterThan(byDecile[5]);
        assertThat(byDecile[5]).isGreaterThan(byDecile[1]);
        assertThat(promotedByYear[2] / (double) marketByYear[2])
                .isGreaterThan(promotedByYear[0] / (double) marketByYear[0]);
    }
}
