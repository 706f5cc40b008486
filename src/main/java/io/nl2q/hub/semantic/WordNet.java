package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * General English from WordNet 3.1 (the extjwnl resource dictionary, inside its Maven artifact): for a word the model
 * does not declare, its parts of speech, its dictionary forms ("wrote" is "write") and the words of its most common
 * sense ("physician": doctor, doc). Loaded once per process (about 0.4 s, 50 MB); each word is looked up once and
 * then read from memory, so a question costs no more than a map lookup per unknown word.
 */
final class WordNet {
    /** What WordNet says of one word form. */
    record Entry(Set<POS> parts, Set<String> baseForms, List<String> commonSense) {
        static final Entry NONE = new Entry(Set.of(), Set.of(), List.of());

        boolean known() {
            return !parts.isEmpty();
        }

        /** Only a verb: it relates what the model names and never names data itself. */
        boolean onlyVerb() {
            return parts.equals(EnumSet.of(POS.VERB));
        }

        /** Only an adverb. */
        boolean onlyAdverb() {
            return parts.equals(EnumSet.of(POS.ADVERB));
        }
    }

    /** Words kept in memory; past this, further distinct words (users can type anything) are read, not kept. */
    private static final int MAX_CACHED = 50_000;

    private final Dictionary dictionary;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private WordNet(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The process's one dictionary, loaded on first use (the holder class is initialised once, thread-safely). */
    static WordNet shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final WordNet INSTANCE = load();

        private static WordNet load() {
            try {
                return new WordNet(Dictionary.getDefaultResourceInstance());
            } catch (JWNLException e) {
                throw new IllegalStateException("the WordNet dictionary on the class path cannot be read", e);
            }
        }
    }

    Entry lookup(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < 2 || !lower.chars().allMatch(Character::isLetter)) {
            return Entry.NONE;
        }
        Entry known = entries.get(lower);
        if (known != null) {
            return known;
        }
        return entries.size() < MAX_CACHED ? entries.computeIfAbsent(lower, this::read) : read(lower);
    }

    private Entry read(String lower) {
        Set<POS> parts = EnumSet.noneOf(POS.class);
        Set<String> bases = new LinkedHashSet<>();
        List<String> common = new ArrayList<>();
        synchronized (dictionary) { // the resource dictionary's caches are not made for concurrent readers
            try {
                for (POS pos : POS.getAllPOS()) {
                    IndexWord w = dictionary.lookupIndexWord(pos, lower);
                    if (w == null) {
                        continue;
                    }
                    parts.add(pos);
                    bases.add(w.getLemma().toLowerCase(Locale.ROOT));
                    if (common.isEmpty() && (pos == POS.NOUN || pos == POS.ADJECTIVE) && !w.getSenses().isEmpty()) {
                        for (Word s : w.getSenses().get(0).getWords()) {
                            common.add(s.getLemma().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            } catch (JWNLException e) {
                return Entry.NONE;
            }
        }
        return new Entry(parts, bases, common);
    }
}
