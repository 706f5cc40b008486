package io.nl2q.hub.semantic.eval;

/** One question of the development set: gold SQL to compare with, or the reason it must be refused. */
record EvalItem(String id, String shape, String question, String sql, boolean ordered, String refuse) {
    boolean mustRefuse() {
        return refuse != null;
    }
}
