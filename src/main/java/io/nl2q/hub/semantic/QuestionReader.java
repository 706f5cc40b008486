package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a question into terms: time expressions first, then the longest phrases the lexicon knows, correcting typos
 * of longer words. Every word must end up in a term; the words that do not are returned so the engine refuses.
 */
final class QuestionReader {
    private final Lexicon lexicon;
    private final TimeParser time;

    private final WordNet words = WordNet.shared();

    QuestionReader(Lexicon lexicon, TimeParser time) {
        this.lexicon = lexicon;
        this.time = time;
    }

    /** The terms of a question and the words nothing accounts for, with the corrections made on the way. */
    record Reading(List<Term> terms, List<String> unknown, List<String> corrections, List<String> ignored,
                   List<String> light, java.util.Set<Integer> verbs) {
    }

    Reading read(String question) {
        Text.Tokens tokens = Text.tokenize(question);
        List<String> raw = tokens.raw();
        java.util.Set<Integer> slashes = tokens.slashes();
        List<String> corrections = new ArrayList<>();
        List<String> lower = raw.stream().map(t -> timeWord(t.toLowerCase(Locale.ROOT), corrections)).toList();
        boolean shouting = raw.stream().filter(t -> t.chars().anyMatch(Character::isLetter))
                .allMatch(t -> t.equals(t.toUpperCase(Locale.ROOT)));
        List<TimeParser.Span> spans = time.parse(lower);
        List<Term> terms = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> light = new ArrayList<>();
        java.util.Set<Integer> verbs = new java.util.HashSet<>();
        String[] stems = new String[lower.size()];
        for (int i = 0; i < lower.size(); i++) {
            stems[i] = Text.stem(lower.get(i));
        }
        boolean[] inTime = new boolean[lower.size()];
        spans.forEach(sp -> java.util.Arrays.fill(inTime, sp.start(), sp.end(), true));
        correctTypos(stems, lower, inTime, corrections);
        boolean[] output = outputWords(lower);
        int i = 0;
        int span = 0;
        while (i < lower.size()) {
            if (span < spans.size() && spans.get(span).start() == i) {
                TimeParser.Span s = spans.get(span++);
                terms.add(new Term(s.start(), s.end(), Text.words(lower.subList(s.start(), s.end())), List.of(),
                        null, s, false));
                i = s.end();
                continue;
            }
            int stop = span < spans.size() ? spans.get(span).start() : lower.size();
            Term term = output[i] ? null : longestPhrase(raw, lower, stems, i, stop, shouting);
            if (output[i]) {
                ignored.add(raw.get(i));
                i++;
            } else if (term != null) {
                if (slashes.contains(i) && term.is(Meaning.Type.METRIC) && !terms.isEmpty()
                        && terms.get(terms.size() - 1).end() == i && terms.get(terms.size() - 1).is(Meaning.Type.METRIC)) {
                    // "NRx/TRx": one measure over the other (between values, "Flector/Licart", a slash lists them)
                    terms.add(new Term(i, i, "/", List.of(Meaning.keyword(Keyword.RATIO)), null, null, false));
                }
                terms.add(term);
                i = term.end();
            } else if (Text.isNumber(lower.get(i))) {
                terms.add(new Term(i, i + 1, lower.get(i), List.of(), Integer.parseInt(lower.get(i).length() > 9
                        ? "999999999" : lower.get(i)), null, false));
                i++;
            } else if (English.isFunction(lower.get(i)) && !(English.isNoun(lower.get(i)) && afterDataWord(terms, i))) {
                ignored.add(raw.get(i));
                i++;
            } else if (English.isLight(lower.get(i))) {
                light.add(raw.get(i));
                verbs.add(i);
                i++;
            } else {
                switch (English.role(lower.get(i), words.lookup(lower.get(i)))) {
                    case DROPPED -> ignored.add(raw.get(i));
                    case LIGHT -> {
                        light.add(raw.get(i));
                        verbs.add(i);
                    }
                    case UNKNOWN -> unknown.add(raw.get(i));
                }
                i++;
            }
        }
        return new Reading(terms, unknown, corrections, ignored, light, verbs);
    }

    /**
     * "show id and name", "(id, name)", "with their ids and names": names said beside an id ask for what every answer
     * about members shows (its key and label), so they are output instructions, not a grouping by name.
     */
    private static boolean[] outputWords(List<String> lower) {
        boolean[] out = new boolean[lower.size()];
        for (int k = 0; k < lower.size(); k++) {
            if (!lower.get(k).matches("ids?|identifiers?")) {
                continue;
            }
            for (int step : new int[] {-1, 1}) {
                for (int j = k + step; j >= 0 && j < lower.size(); j += step) {
                    String w = lower.get(j);
                    if (w.matches("names?")) {
                        out[j] = true;
                    } else if (!w.matches("and|plus|their|its|the|with|ids?")) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The word right before position i was read as a model term (not a stop word, a time or a number). */
    private static boolean afterDataWord(List<Term> terms, int i) {
        if (terms.isEmpty()) {
            return false;
        }
        Term last = terms.get(terms.size() - 1);
        return last.end() == i && last.meaning() != null && !last.isStop();
    }

    /** A typo of a time word ("quater") is corrected before the time parser reads the question. */
    private String timeWord(String token, List<String> corrections) {
        if (TimeParser.WORDS.contains(token) || lexicon.knows(Text.stem(token)) || Text.isNumber(token)
                || English.knows(token)) {
            return token;
        }
        Optional<String> fixed = Fuzzy.correct(token, TimeParser.WORDS);
        fixed.ifPresent(f -> corrections.add(token + " -> " + f));
        return fixed.orElse(token);
    }

    private void correctTypos(String[] stems, List<String> lower, boolean[] inTime, List<String> corrections) {
        for (int k = 0; k < stems.length; k++) {
            if (inTime[k] || lexicon.knows(stems[k]) || Text.isNumber(stems[k]) || English.knows(lower.get(k))) {
                continue;
            }
            Optional<String> general = generalForm(lower.get(k));
            if (general.isPresent()) {
                corrections.add(lower.get(k) + " -> " + general.get());
                stems[k] = Text.stem(general.get());
                continue;
            }
            if (words.lookup(lower.get(k)).known() && lower.get(k).length() > 3) {
                continue; // a word of the dictionary is no typo: "exceeding" is not "excluding"
            }
            Optional<String> fixed = Fuzzy.correct(stems[k], lexicon.vocabulary());
            if (fixed.isPresent()) {
                corrections.add(lower.get(k) + " -> " + fixed.get());
                stems[k] = fixed.get();
            }
        }
    }

    /**
     * A word the model knows in another form: the dictionary form of an inflected word ("wrote" is "write"; not of a
     * word that is an entry itself, since "marketing" is no form of "market"), or a word of its most common
     * sense ("physician" is "doctor") when exactly one such word is a model word of four letters or more. A short code
     * is never reached this way, so no business abbreviation is turned into another.
     */
    private Optional<String> generalForm(String lower) {
        WordNet.Entry entry = words.lookup(lower);
        for (String base : entry.baseForms()) {
            if (!entry.baseForms().contains(lower) && !base.contains(" ") && lexicon.knows(Text.stem(base))) {
                return Optional.of(base);
            }
        }
        java.util.Set<String> same = new java.util.LinkedHashSet<>();
        for (String w : entry.commonSense()) {
            String stem = Text.stem(w);
            if (!w.equals(lower) && w.length() >= 4 && !w.contains(" ") && lexicon.knows(stem)
                    && !lexicon.isShortCode(stem)) {
                same.add(stem);
            }
        }
        return same.size() == 1 ? entry.commonSense().stream().filter(w -> same.contains(Text.stem(w))).findFirst()
                : Optional.empty();
    }

    private Term longestPhrase(List<String> raw, List<String> lower, String[] stems, int i, int stop,
                               boolean shouting) {
        for (int len = Math.min(lexicon.longest(), stop - i); len >= 1; len--) {
            String key = String.join(" ", java.util.Arrays.asList(stems).subList(i, i + len));
            List<Meaning> meanings = lexicon.lookup(key);
            if (meanings.isEmpty()) {
                continue;
            }
            if (lexicon.isShortCode(key)) {
                // codes like IN, OR, CO are English words too: only an upper-case code in a mixed-case question counts
                // "NPs", "GPs": a code in capitals with a plural s is still written as a code
                boolean upper = raw.subList(i, i + len).stream().allMatch(t -> t.equals(t.toUpperCase(Locale.ROOT))
                        || t.length() > 2 && t.endsWith("s") && t.substring(0, t.length() - 1)
                        .equals(t.substring(0, t.length() - 1).toUpperCase(Locale.ROOT)));
                if (!upper || shouting) {
                    meanings = meanings.stream().filter(m -> m.type() != Meaning.Type.VALUE).toList();
                }
            }
            if (meanings.size() > 1) {
                List<Meaning> model = meanings.stream().filter(m -> !m.is(Keyword.STOP)).toList();
                meanings = model.isEmpty() ? meanings : model;
            }
            if (meanings.isEmpty()) {
                continue;
            }
            if (meanings.stream().anyMatch(x -> x.type() == Meaning.Type.DIMENSION)) {
                // "channel" names a payer's channel and, by its last word, a call's channel: the join decides
                List<Meaning> with = new ArrayList<>(meanings);
                lexicon.alternatives(key).stream().filter(a -> !with.contains(a)).forEach(with::add);
                meanings = with;
            }
            String last = lower.get(i + len - 1);
            boolean singular = last.equals(stems[i + len - 1]) && !last.endsWith("s");
            return new Term(i, i + len, Text.words(lower.subList(i, i + len)), meanings, null, null, singular);
        }
        return null;
    }
}
