package io.nl2q.hub.warehouse;

import static io.nl2q.hub.warehouse.DemoReference.PAYERS;
import static io.nl2q.hub.warehouse.DemoReference.PRODUCTS;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Weekly prescriptions per HCP, product and payer, written in primary-key order. Each week an HCP's market volume
 * is split over the products by its own preferences; calls on a promoted brand raise its preference with a
 * carry-over that decays by 1.5 % a week and saturates, so promoted brands gain share over the years of calls. Each script then
 * draws its payer, whether it is new, and its pack count.
 */
final class RxGenerator {
    private static final double CARRY_OVER = 0.985;
    private static final double MAX_LIFT = 2.0;
    private static final double HALF_LIFT_AT = 15.0;

    private final List<HcpPopulation.Hcp> hcps;
    private final DemoRandom random;
    private final String[] productIds = new String[PRODUCTS.size()];
    private final String[] payerIds = new String[PAYERS.size()];
    private final int[] trx = new int[PAYERS.size()];
    private final int[] nrx = new int[PAYERS.size()];
    private final int[] units = new int[PAYERS.size()];
    private long rows;

    RxGenerator(HcpPopulation population, long seed) {
        this.hcps = population.hcps;
        this.random = new DemoRandom(seed, 3);
        java.util.Arrays.setAll(productIds, DemoReference::productId);
        java.util.Arrays.setAll(payerIds, DemoReference::payerId);
    }

    void generate(float[][] callImpact, RowSink.TableWriter out) throws SQLException {
        int brands = CallGenerator.PROMOTED.length;
        double[] carried = new double[hcps.size() * brands];
        double[] weights = new double[PRODUCTS.size()];
        for (int week = 0; week < DemoCalendar.WEEKS; week++) {
            LocalDate friday = DemoCalendar.weekEnding(week);
            double hypoSeason = DemoCalendar.seasonality(week, true);
            double nsaidSeason = DemoCalendar.seasonality(week, false);
            for (var hcp : hcps) {
                int base = hcp.index * brands;
                System.arraycopy(hcp.productWeight, 0, weights, 0, weights.length);
                for (int b = 0; b < brands; b++) {
                    carried[base + b] = carried[base + b] * CARRY_OVER + callImpact[week][base + b];
                    double effect = carried[base + b];
                    weights[CallGenerator.PROMOTED[b]] *= 1 + MAX_LIFT * effect / (effect + HALF_LIFT_AT);
                }
                double hypoTotal = 0;
                double nsaidTotal = 0;
                for (int p = 0; p < weights.length; p++) {
                    if (isHypo(p)) {
                        hypoTotal += weights[p];
                    } else {
                        nsaidTotal += weights[p];
                    }
                }
                for (int p = 0; p < weights.length; p++) {
                    if (weights[p] == 0) {
                        continue;
                    }
                    double market = isHypo(p) ? hcp.hypoVolume * hypoSeason / hypoTotal
                            : hcp.nsaidVolume * nsaidSeason / nsaidTotal;
                    int scripts = random.poisson(market * weights[p]);
                    boolean anchor = hcp.anchorProduct == p;
                    if (anchor) {
                        scripts = Math.max(1, scripts);
                    }
                    if (scripts > 0) {
                        writeScripts(out, friday, hcp, p, scripts, anchor);
                    }
                }
            }
        }
    }

    long rows() {
        return rows;
    }

    private void writeScripts(RowSink.TableWriter out, LocalDate friday, HcpPopulation.Hcp hcp, int p, int scripts,
                              boolean anchor) throws SQLException {
        var product = PRODUCTS.get(p);
        java.util.Arrays.fill(trx, 0);
        java.util.Arrays.fill(nrx, 0);
        java.util.Arrays.fill(units, 0);
        for (int s = 0; s < scripts; s++) {
            int payer = anchor && s == 0 ? hcp.anchorPayer : random.pick(hcp.payerWeight);
            trx[payer]++;
            nrx[payer] += random.chance(product.newRate()) ? 1 : 0;
            units[payer] += product.unitsPerPack() * (random.chance(product.ninetyDayFills()) ? 3 : 1);
        }
        for (int y = 0; y < trx.length; y++) {
            if (trx[y] > 0) {
                out.row(friday, hcp.id, productIds[p], payerIds[y], trx[y], nrx[y], units[y]);
                rows++;
            }
        }
    }

    private static boolean isHypo(int product) {
        return product < 9;
    }
}
