package io.nl2q.hub.warehouse;

import java.util.SplittableRandom;

/**
 * Seeded draws that give the same numbers on every machine: SplittableRandom for uniforms and StrictMath (not
 * Math, whose intrinsics may differ in the last bit between CPUs) for everything transcendental.
 */
final class DemoRandom {
    private final SplittableRandom random;

    DemoRandom(long seed, long stream) {
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream);
    }

    double uniform() {
        return random.nextDouble();
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    int between(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Box-Muller; one of the pair is thrown away to keep the stream simple. */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Knuth's method below 30, a rounded normal above (where it is close enough and much cheaper). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 30) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian()));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** An index drawn with the given weights (need not sum to 1). */
    int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
