package io.nl2q.hub.semantic;

/**
 * What a phrase of a question can mean. {@code weak} marks a meaning reached by a partial name (the last word of a
 * dimension name, the distinctive first word of a value), used only when no exact meaning fits.
 */
record Meaning(Type type, ModelTable table, Field field, String value, Keyword keyword, boolean weak) {

    enum Type { TABLE, DIMENSION, METRIC, FILTER, VALUE, KEYWORD }

    static Meaning keyword(Keyword k) {
        return new Meaning(Type.KEYWORD, null, null, null, k, false);
    }

    boolean is(Keyword k) {
        return type == Type.KEYWORD && keyword == k;
    }

    /** How it reads in an explanation or a suggestion. */
    String describe() {
        return switch (type) {
            case TABLE -> table.name();
            case VALUE -> field.spokenName() + " " + value;
            case KEYWORD -> keyword.name().toLowerCase(java.util.Locale.ROOT);
            default -> field.spokenName();
        };
    }
}
