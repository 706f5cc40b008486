package io.nl2q.hub.llm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The prompts of the LLM generator, and reading SQL out of its reply. */
final class Prompts {
    private static final Pattern FENCE = Pattern.compile("(?s)^```[a-zA-Z]*\\s*(.*?)\\s*```$");

    private Prompts() {
    }

    static String system(String dialect) {
        return "You translate an analyst's question into exactly one read-only SQL SELECT statement for a "
                + dialect + " database. Use only the tables and columns listed; write table names without a schema. "
                + "Answer with the SQL only: no explanation, no code fence. If the question cannot be answered "
                + "exactly from these tables, answer with the single word UNANSWERABLE. Never guess.";
    }

    static String question(String question, List<String> modelElements, List<Map.Entry<String, String>> examples) {
        StringBuilder p = new StringBuilder("Tables:\n");
        modelElements.forEach(e -> p.append("- ").append(e).append('\n'));
        if (!examples.isEmpty()) {
            p.append("\nVerified examples:\n");
            examples.forEach(e -> p.append("Q: ").append(e.getKey()).append("\nSQL: ").append(e.getValue())
                    .append('\n'));
        }
        return p.append("\nQuestion: ").append(question).toString();
    }

    static String repair(String databaseError) {
        return "The database refused that SQL: " + databaseError
                + "\nAnswer with the corrected SQL only, or UNANSWERABLE.";
    }

    /** The SQL of a reply, or null when the model declined or said nothing usable. */
    static String sqlOf(String reply) {
        if (reply == null || reply.isBlank()) {
            return null;
        }
        String text = reply.strip();
        var fenced = FENCE.matcher(text);
        if (fenced.matches()) {
            text = fenced.group(1).strip();
        }
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty() || text.toUpperCase(Locale.ROOT).startsWith("UNANSWERABLE")) {
            return null;
        }
        return text;
    }
}
