package io.nl2q.hub.semantic.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of an eval run: execution accuracy, refusal precision and recall, answered-and-right, per shape. */
record EvalReport(int answerable, int right, int answeredAnswerable, int mustRefuse, int refusedMustRefuse,
                  int refusedTotal, List<Outcome> outcomes) {

    static EvalReport of(List<Outcome> outcomes) {
        int answerable = 0, right = 0, answered = 0, mustRefuse = 0, refusedMust = 0, refused = 0;
        for (Outcome o : outcomes) {
            boolean refusedIt = o.kind() == Outcome.Kind.REFUSED;
            refused += refusedIt ? 1 : 0;
            if (o.item().mustRefuse()) {
                mustRefuse++;
                refusedMust += refusedIt ? 1 : 0;
            } else {
                answerable++;
                right += o.kind() == Outcome.Kind.RIGHT ? 1 : 0;
                answered += refusedIt ? 0 : 1;
            }
        }
        return new EvalReport(answerable, right, answered, mustRefuse, refusedMust, refused, outcomes);
    }

    double executionAccuracy() {
        return ratio(right, answerable);
    }

    double refusalRecall() {
        return ratio(refusedMustRefuse, mustRefuse);
    }

    double refusalPrecision() {
        return ratio(refusedMustRefuse, refusedTotal);
    }

    double answeredRight() {
        return ratio(right, answeredAnswerable);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    String text(boolean details) {
        StringBuilder s = new StringBuilder();
        if (details) {
            outcomes.stream().filter(o -> o.kind() != Outcome.Kind.RIGHT
                            && !(o.kind() == Outcome.Kind.REFUSED && o.item().mustRefuse()))
                    .forEach(o -> s.append(String.format("%-5s %-8s %-10s %s%n      %s%n", o.item().id(), o.kind(),
                            o.item().shape(), o.item().question(), o.detail())));
        }
        s.append(String.format("%nquestions %d (answerable %d, must refuse %d)%n", outcomes.size(), answerable, mustRefuse));
        s.append(String.format("execution accuracy      %6.1f%%  (%d/%d right)%n", 100 * executionAccuracy(), right, answerable));
        s.append(String.format("answered and right      %6.1f%%  (%d/%d answered)%n", 100 * answeredRight(), right, answeredAnswerable));
        int wrong = answeredAnswerable - right;
        s.append(String.format("answered but wrong      %6.1f%%  (%d/%d answerable)%n", 100.0 * wrong
                / Math.max(1, answerable), wrong, answerable));
        s.append(String.format("refusal recall          %6.1f%%  (%d/%d must-refuse refused)%n", 100 * refusalRecall(),
                refusedMustRefuse, mustRefuse));
        s.append(String.format("refusal precision       %6.1f%%  (%d/%d refusals were must-refuse)%n",
                100 * refusalPrecision(), refusedMustRefuse, refusedTotal));
        s.append(String.format("%n%-11s %5s %6s %8s %6s %6s%n", "shape", "n", "right", "refused", "wrong", "error"));
        Map<String, int[]> shapes = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] c = shapes.computeIfAbsent(o.item().shape(), k -> new int[5]);
            c[0]++;
            c[1 + o.kind().ordinal() % 4 == 0 ? 1 : 0] += 0;
            switch (o.kind()) {
                case RIGHT -> c[1]++;
                case REFUSED -> c[2]++;
                case WRONG -> c[3]++;
                case ERROR -> c[4]++;
            }
        }
        shapes.forEach((k, c) -> s.append(String.format("%-11s %5d %6d %8d %6d %6d%n", k, c[0], c[1], c[2], c[3], c[4])));
        return s.toString();
    }
}
