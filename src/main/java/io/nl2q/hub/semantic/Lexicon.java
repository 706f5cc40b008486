package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase a tenant's questions can use, keyed by its stemmed form: the model's names and synonyms, the tenant's
 * dimension values and their synonyms, and the analytic keywords. Built once per tenant and model, then read-only.
 */
final class Lexicon {
    private final Map<String, List<Meaning>> phrases = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, String> display = new HashMap<>();
    private final Set<String> shortCodes = new HashSet<>();
    private int longest = 1;

    Lexicon(SemanticModel model, Map<Field, List<String>> values) {
        Keyword.phrases().forEach((key, k) -> add(key, Meaning.keyword(k)));
        for (ModelTable t : model.tables()) {
            add(Text.key(t.name()), new Meaning(Meaning.Type.TABLE, t, null, null, null, false));
            display.putIfAbsent(Text.key(t.name()), t.name());
            t.synonyms().forEach(s -> add(Text.key(s), new Meaning(Meaning.Type.TABLE, t, null, null, null, false)));
            for (Field f : t.fields()) {
                Meaning.Type type = switch (f.kind()) {
                    case METRIC -> Meaning.Type.METRIC;
                    case FILTER -> Meaning.Type.FILTER;
                    case FACT -> null;
                    default -> Meaning.Type.DIMENSION;
                };
                if (type == null) {
                    continue; // facts are reached through metrics; naming them alone would aggregate ambiguously
                }
                Meaning m = new Meaning(type, t, f, null, null, false);
                add(Text.key(f.spokenName()), m);
                display.putIfAbsent(Text.key(f.spokenName()), f.spokenName());
                f.synonyms().forEach(syn -> display.putIfAbsent(Text.key(syn), syn));
                f.synonyms().forEach(s -> add(Text.key(s), m));
                List<String> parts = Text.split(Text.key(f.spokenName()));
                if (type == Meaning.Type.DIMENSION && parts.size() > 1) {
                    addWeak(parts.get(parts.size() - 1), new Meaning(type, t, f, null, null, true));
                }
            }
        }
        values.forEach((f, v) -> addValues(model.tableOf(f), f, v));
    }

    private void addValues(ModelTable t, Field f, List<String> canonical) {
        for (String v : canonical) {
            add(Text.key(v), new Meaning(Meaning.Type.VALUE, t, f, v, null, false));
            display.putIfAbsent(Text.key(v), v);
            f.valueSynonyms().getOrDefault(v, List.of())
                    .forEach(s -> add(Text.key(s), new Meaning(Meaning.Type.VALUE, t, f, v, null, false)));
            List<String> parts = Text.split(Text.key(v));
            if (parts.size() > 1 && parts.get(0).length() >= 4) {
                addWeak(parts.get(0), new Meaning(Meaning.Type.VALUE, t, f, v, null, true));
                if (f.matchWords()) {
                    // "any diclofenac product": the word names every value it begins
                    List<Meaning> group = wordGroups.computeIfAbsent(parts.get(0), k -> new ArrayList<>());
                    group.add(new Meaning(Meaning.Type.VALUE, t, f, v, null, true));
                }
            }
            if (v.length() <= 3 && !lowerCaseCode(v)) {
                shortCodes.add(Text.key(v));
            }
            f.valueSynonyms().getOrDefault(v, List.of()).stream().filter(s -> s.length() <= 3 && !lowerCaseCode(s))
                    .forEach(s -> shortCodes.add(Text.key(s)));
        }
    }

    private void add(String key, Meaning m) {
        if (key.isEmpty()) {
            return;
        }
        List<Meaning> list = phrases.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.stream().noneMatch(x -> same(x, m))) {
            list.add(m);
        }
        List<String> parts = Text.split(key);
        longest = Math.max(longest, parts.size());
        vocabulary.addAll(parts);
    }

    /** A partial name counts only where it is unique among partial names and no full phrase claims it. */
    private final Map<String, Meaning> weak = new HashMap<>();
    private final Set<String> weakClashes = new HashSet<>();

    private void addWeak(String key, Meaning m) {
        Meaning previous = weak.putIfAbsent(key, m);
        if (previous != null && !same(previous, m)) {
            weakClashes.add(key);
        }
        vocabulary.add(key);
    }

    private static boolean same(Meaning a, Meaning b) {
        return a.type() == b.type() && a.table() == b.table() && a.field() == b.field()
                && java.util.Objects.equals(a.value(), b.value()) && a.keyword() == b.keyword();
    }

    /** Leading words of the values of dimensions declared with match_words, to every value they begin. */
    private final Map<String, List<Meaning>> wordGroups = new HashMap<>();

    /** Exact meanings of a stemmed phrase; if none, the values its word begins, or its unique partial meaning. */
    List<Meaning> lookup(String key) {
        List<Meaning> exact = phrases.get(key);
        if (exact != null) {
            return exact;
        }
        List<Meaning> group = wordGroups.get(key);
        if (group != null && group.stream().map(Meaning::field).distinct().count() == 1) {
            return group;
        }
        Meaning partial = weak.get(key);
        return partial == null || weakClashes.contains(key) ? List.of() : List.of(partial);
    }

    /** Weak meanings that share the phrase with an exact one (a dimension named by its last word). */
    List<Meaning> alternatives(String key) {
        Meaning partial = weak.get(key);
        return partial == null || weakClashes.contains(key) ? List.of() : List.of(partial);
    }

    /** Model names, synonyms and values by phrase key, as a suggestion shows them. */
    Map<String, String> display() {
        return display;
    }

    /** A three-letter code that is no English word ("nyc", "gps") reads the same in lower case. */
    private static boolean lowerCaseCode(String code) {
        String lower = code.toLowerCase(java.util.Locale.ROOT);
        return lower.length() == 3 && lower.chars().allMatch(Character::isLetter) && !English.knows(lower)
                && !Keyword.phrases().containsKey(lower);
    }

    boolean isShortCode(String key) {
        return shortCodes.contains(key);
    }

    boolean knows(String stemmedToken) {
        return vocabulary.contains(stemmedToken);
    }

    /**
     * The words a typo may be corrected to: never a function word (a phrase meaning only STOP, such as "over"),
     * since reading an unknown word ("cover") as a function word silently drops it from the question.
     */
    Set<String> vocabulary() {
        if (correctable == null) {
            Set<String> words = new HashSet<>(vocabulary);
            words.removeIf(w -> {
                List<Meaning> ms = phrases.get(w);
                return ms != null && !ms.isEmpty() && ms.stream().allMatch(m -> m.is(Keyword.STOP));
            });
            correctable = words;
        }
        return correctable;
    }

    private Set<String> correctable;

    int longest() {
        return longest;
    }

    Set<String> phraseKeys() {
        return phrases.keySet();
    }
}
