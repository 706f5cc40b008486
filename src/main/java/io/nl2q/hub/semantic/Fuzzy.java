package io.nl2q.hub.semantic;

import java.util.Collection;
import java.util.Optional;

/**
 * Typo correction by Damerau-Levenshtein distance with a threshold that grows with the word: short words are never
 * corrected (a two-letter typo of a four-letter word is another word), and a tie between two candidates is no match.
 */
final class Fuzzy {
    private Fuzzy() {
    }

    static int threshold(String word) {
        return word.length() < 5 ? 0 : word.length() < 8 ? 1 : 2;
    }

    static Optional<String> correct(String word, Collection<String> vocabulary) {
        int limit = threshold(word);
        if (limit == 0) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : vocabulary) {
            if (Math.abs(candidate.length() - word.length()) > limit || candidate.length() < 4
                    || word.length() > candidate.length() && word.endsWith(candidate)
                    || derived(word, candidate)) {
                // a word with letters before a known word is a prefixed word ("untargeted", "noncovered"), often
                // its opposite; one with letters after it is a derived word ("county", "totally"): never a typo of it
                continue;
            }
            int d = distance(word, candidate, limit);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && d <= limit && !candidate.equals(best)) {
                tie = true;
            }
        }
        return bestDistance <= limit && !tie ? Optional.of(best) : Optional.empty();
    }

    /** The word is the candidate with a suffix that is not just its last letter typed twice ("tirosintt"). */
    private static boolean derived(String word, String candidate) {
        return word.length() > candidate.length() && word.startsWith(candidate)
                && !word.substring(candidate.length()).chars().allMatch(c -> c == candidate.charAt(candidate.length() - 1));
    }

    /** Optimal string alignment distance; gives up (returns limit + 1) once every cell of a row exceeds the limit. */
    static int distance(String a, String b, int limit) {
        // three rolling rows (two back for transpositions): no matrix per candidate on the hot path
        int n = b.length();
        int[] older = new int[n + 1];
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= n; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, older[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = older;
            older = prev;
            prev = cur;
            cur = t;
        }
        return prev[n];
    }
}
