package io.nl2q.hub.warehouse;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales calls on the promoted brands, week by week: higher deciles are called more, mostly in person. Returns each
 * HCP's weekly call weight per promoted brand, which the prescription generator turns into share gains.
 */
final class CallGenerator {
    /** Product indices of the promoted brands: Tirosint, Tirosint-SOL, Flector, Licart. */
    static final int[] PROMOTED = {0, 1, 9, 10};
    private static final List<String> CHANNELS = List.of("In-Person", "Virtual", "Phone", "Email");
    private static final double[] CHANNEL_MIX = {0.50, 0.15, 0.15, 0.20};
    private static final double[] CHANNEL_IMPACT = {1.0, 0.7, 0.5, 0.2};
    private static final double[] RATE_BY_DECILE = {0, 0.02, 0.02, 0.02, 0.18, 0.18, 0.18, 0.40, 0.40, 0.65, 0.65};

    private final List<HcpPopulation.Hcp> hcps;
    private final DemoRandom random;
    private long callNumber;
    private long crmSerial = 4_000_000;

    CallGenerator(HcpPopulation population, long seed) {
        this.hcps = population.hcps;
        this.random = new DemoRandom(seed, 2);
    }

    /** @return impact[week][hcp * 4 + promoted brand] */
    float[][] generate(RowSink.TableWriter out) throws SQLException {
        float[][] impact = new float[DemoCalendar.WEEKS][hcps.size() * PROMOTED.length];
        for (int week = 0; week < DemoCalendar.WEEKS; week++) {
            LocalDate friday = DemoCalendar.weekEnding(week);
            for (var hcp : hcps) {
                int calls = random.poisson(RATE_BY_DECILE[hcp.decile]);
                for (int c = 0; c < calls; c++) {
                    int brand = pickBrand(hcp);
                    int channel = random.pick(CHANNEL_MIX);
                    impact[week][hcp.index * PROMOTED.length + brand] += (float) CHANNEL_IMPACT[channel];
                    LocalDate day = week == 0 ? friday : friday.minusDays(random.below(5));
                    out.row(String.format("C%07d", ++callNumber), day, hcp.id,
                            DemoReference.territoryId(hcp.territory), DemoReference.productId(PROMOTED[brand]),
                            CHANNELS.get(channel), duration(channel), crmCallId(hcp));
                }
            }
        }
        return impact;
    }

    long calls() {
        return callNumber;
    }

    /** A market the HCP writes, weighted by volume, then Tirosint 70/30 SOL or Flector 55/45 Licart. */
    private int pickBrand(HcpPopulation.Hcp hcp) {
        boolean hypo = random.uniform() * hcp.totalVolume() < hcp.hypoVolume;
        return hypo ? (random.chance(0.7) ? 0 : 1) : (random.chance(0.55) ? 2 : 3);
    }

    private int duration(int channel) {
        return switch (channel) {
            case 0 -> random.between(5, 30);
            case 1 -> random.between(10, 25);
            case 2 -> random.between(3, 15);
            default -> 0;
        };
    }

    /** Calls of HCPs outside the CRM, and a few logged by hand, carry no CRM id. */
    private String crmCallId(HcpPopulation.Hcp hcp) {
        crmSerial += random.between(1, 2000);
        boolean fromCrm = hcp.crmAccountId != null && random.chance(0.97);
        return fromCrm ? SalesforceIds.id18("a04", crmSerial) : null;
    }
}
