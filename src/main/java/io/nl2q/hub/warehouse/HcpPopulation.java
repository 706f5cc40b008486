package io.nl2q.hub.warehouse;

import static io.nl2q.hub.warehouse.DemoReference.HYPO;
import static io.nl2q.hub.warehouse.DemoReference.PAYERS;
import static io.nl2q.hub.warehouse.DemoReference.PRODUCTS;
import static io.nl2q.hub.warehouse.DemoReference.SPECIALTIES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The prescribers and their habits. The first 55 cover every specialty in every region and, with it, all 30
 * territories; the first writer of each product's market becomes that product's anchor and writes it every week,
 * so that every product and payer has rows in every quarter even at small scales.
 */
final class HcpPopulation {
    /** 11 specialties x 5 regions. */
    static final int MINIMUM = 55;

    final List<Hcp> hcps;

    HcpPopulation(double scale, long seed) {
        int count = Math.max(MINIMUM, (int) Math.round(6000 * scale));
        var random = new DemoRandom(seed, 1);
        var npis = new HashSet<String>();
        var list = new ArrayList<Hcp>(count);
        double[] specialtyWeights = SPECIALTIES.stream().mapToDouble(DemoReference.Specialty::weight).toArray();
        long crmSerial = 1_000_000;
        for (int i = 0; i < count; i++) {
            int specialty = i < MINIMUM ? i % 11 : random.pick(specialtyWeights);
            int territory = i < MINIMUM ? (i / 11) * 6 + (i % 11) % 6 : random.below(30);
            String first = DemoReference.FIRST_NAMES.get(random.below(DemoReference.FIRST_NAMES.size()));
            String last = DemoReference.LAST_NAMES.get(random.below(DemoReference.LAST_NAMES.size()));
            String npi = uniqueNpi(random, npis);
            crmSerial += random.between(1, 5000);
            String crm = random.chance(0.92) ? SalesforceIds.id18("001", crmSerial) : null;
            double practice = random.logNormal(2.2, 0.75);
            var s = SPECIALTIES.get(specialty);
            double hypo = s.hypoFactor() * practice * random.logNormal(1.0, 0.3);
            double nsaid = s.nsaidFactor() * practice * random.logNormal(1.0, 0.3);
            list.add(new Hcp(i, String.format("H%06d", i + 1), npi, first, last, specialty, territory, crm, hypo,
                    nsaid, productWeights(random, hypo, nsaid), payerWeights(random)));
        }
        assignDeciles(list);
        assignAnchors(list);
        this.hcps = List.copyOf(list);
    }

    /** NPIs start with 1 and end with the Luhn check digit over the 80840 prefix, as real ones do. */
    private static String uniqueNpi(DemoRandom random, HashSet<String> used) {
        while (true) {
            String body = "1" + String.format("%08d", random.below(100_000_000));
            String npi = body + luhnCheckDigit("80840" + body);
            if (used.add(npi)) {
                return npi;
            }
        }
    }

    private static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** Each writer's own preference around the national shares, normalised within each market. */
    private static double[] productWeights(DemoRandom random, double hypo, double nsaid) {
        double[] weights = new double[PRODUCTS.size()];
        double hypoSum = 0;
        double nsaidSum = 0;
        for (int p = 0; p < weights.length; p++) {
            var product = PRODUCTS.get(p);
            weights[p] = product.share() * random.logNormal(1.0, 0.6);
            if (product.market().equals(HYPO)) {
                hypoSum += weights[p];
            } else {
                nsaidSum += weights[p];
            }
        }
        for (int p = 0; p < weights.length; p++) {
            boolean hypoProduct = PRODUCTS.get(p).market().equals(HYPO);
            weights[p] = hypoProduct ? (hypo > 0 ? weights[p] / hypoSum : 0) : (nsaid > 0 ? weights[p] / nsaidSum : 0);
        }
        return weights;
    }

    private static double[] payerWeights(DemoRandom random) {
        double[] weights = new double[PAYERS.size()];
        for (int y = 0; y < weights.length; y++) {
            weights[y] = PAYERS.get(y).share() * random.logNormal(1.0, 0.5);
        }
        return weights;
    }

    /** Deciles by rank of total weekly volume: decile 10 holds the tenth of HCPs that write the most. */
    private static void assignDeciles(List<Hcp> list) {
        Integer[] order = new Integer[list.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int byVolume = Double.compare(list.get(a).totalVolume(), list.get(b).totalVolume());
            return byVolume != 0 ? byVolume : Integer.compare(a, b);
        });
        for (int rank = 0; rank < order.length; rank++) {
            list.get(order[rank]).decile = 1 + (int) ((long) rank * 10 / order.length);
        }
    }

    private static void assignAnchors(List<Hcp> list) {
        for (int p = 0; p < PRODUCTS.size(); p++) {
            for (Hcp hcp : list) {
                if (hcp.anchorProduct < 0 && hcp.productWeight[p] > 0) {
                    hcp.anchorProduct = p;
                    hcp.anchorPayer = p % PAYERS.size();
                    break;
                }
            }
        }
    }

    /** One prescriber; mutable only while the population is built. */
    static final class Hcp {
        final int index;
        final String id;
        final String npi;
        final String firstName;
        final String lastName;
        final int specialty;
        final int territory;
        final String crmAccountId;
        final double hypoVolume;
        final double nsaidVolume;
        final double[] productWeight;
        final double[] payerWeight;
        int decile;
        int anchorProduct = -1;
        int anchorPayer = -1;

        Hcp(int index, String id, String npi, String firstName, String lastName, int specialty, int territory,
            String crmAccountId, double hypoVolume, double nsaidVolume, double[] productWeight, double[] payerWeight) {
            this.index = index;
            this.id = id;
            this.npi = npi;
            this.firstName = firstName;
            this.lastName = lastName;
            this.specialty = specialty;
            this.territory = territory;
            this.crmAccountId = crmAccountId;
            this.hypoVolume = hypoVolume;
            this.nsaidVolume = nsaidVolume;
            this.productWeight = productWeight;
            this.payerWeight = payerWeight;
        }

        double totalVolume() {
            return hypoVolume + nsaidVolume;
        }
    }
}
