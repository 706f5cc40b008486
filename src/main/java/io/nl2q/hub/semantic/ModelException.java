package io.nl2q.hub.semantic;

import java.util.List;

/** A semantic model that cannot be used; every problem found is listed so an author fixes them in one pass. */
public class ModelException extends RuntimeException {
    private final List<String> problems;

    ModelException(String source, List<String> problems) {
        super("semantic model " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
