package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** "Did you mean" candidates: the model's names and values closest to unknown words, then verified questions. */
final class Suggestions {
    private final Map<String, String> display;
    private final List<String> examples;

    Suggestions(Map<String, String> display, SemanticModel model) {
        this.display = display;
        this.examples = model.verifiedQueries().stream().map(VerifiedQuery::question).limit(4).toList();
    }

    List<String> forWords(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String stem = Text.stem(w.toLowerCase(java.util.Locale.ROOT));
            display.entrySet().stream()
                    .filter(e -> e.getKey().length() >= 3)
                    .map(e -> Map.entry(e.getValue(), Fuzzy.distance(stem, e.getKey(), 3)))
                    .filter(e -> e.getValue() <= Math.max(1, Math.min(3, stem.length() / 3)))
                    .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .limit(3).map(Map.Entry::getKey).filter(s -> !out.contains(s)).forEach(out::add);
        }
        return withExamples(out);
    }

    List<String> withExamples(List<String> first) {
        List<String> out = new ArrayList<>(first);
        examples.stream().filter(e -> !out.contains(e)).forEach(out::add);
        return out;
    }
}
