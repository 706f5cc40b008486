package io.nl2q.hub.semantic;

import io.nl2q.hub.query.VerifiedQueries;
import io.nl2q.hub.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/v1/suggestions?q=}: what to offer while a question is typed, from the caller's tenant's model:
 * the word being typed completed with a measure, dimension or value that starts with it (the rest of the question
 * kept), then verified questions (the model's and the tenant's analysts') that hold what was typed. At most
 * {@link #MAX} suggestions, each with its kind.
 */
@Component("typingSuggestions")
public class TypingSuggestions {
    static final int MAX = 12;
    private static final int MAX_TEXT = 500;
    private final SemanticQueryGenerator semantic;
    private final VerifiedQueries verified;

    TypingSuggestions(SemanticQueryGenerator semantic, VerifiedQueries verified) {
        this.semantic = semantic;
        this.verified = verified;
    }

    public record Suggestion(String text, String kind) {
    }

    public List<Suggestion> suggest(String typed, Caller caller) {
        String q = typed == null ? "" : typed.length() > MAX_TEXT ? typed.substring(0, MAX_TEXT) : typed;
        SemanticEngine.Terms terms = semantic.terms(caller.tenant().id());
        List<Suggestion> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int cut = Math.max(q.lastIndexOf(' '), -1) + 1;
        String word = q.substring(cut).toLowerCase(Locale.ROOT);
        String before = q.substring(0, cut);
        if (word.length() >= 2) {
            complete(out, seen, before, word, terms.measures(), "measure");
            complete(out, seen, before, word, terms.dimensions(), "dimension");
            complete(out, seen, before, word, terms.values(), "value");
        }
        String whole = q.strip().toLowerCase(Locale.ROOT);
        List<String> questions = new ArrayList<>(verified.questions(caller.tenant().id(), 200));
        questions.addAll(terms.verified());
        for (String v : questions) {
            if (out.size() >= MAX) {
                break;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.contains(whole) && seen.add(lower)) {
                out.add(new Suggestion(v, "verified"));
            }
        }
        return List.copyOf(out);
    }

    private static void complete(List<Suggestion> out, Set<String> seen, String before, String word,
                                 List<String> candidates, String kind) {
        for (String c : candidates) {
            if (out.size() >= MAX - 3) { // room left for verified questions
                return;
            }
            if (c.toLowerCase(Locale.ROOT).startsWith(word) && !c.equalsIgnoreCase(word)) {
                String text = before + c;
                if (seen.add(text.toLowerCase(Locale.ROOT))) {
                    out.add(new Suggestion(text, kind));
                }
            }
        }
    }
}
