package io.nl2q.hub.guard;

/**
 * The CTE names visible at a point of the statement, innermost first. Immutable, so a subquery can never widen the
 * scope of its parent.
 */
record Scope(String cteKey, Scope parent) {
    static final Scope EMPTY = new Scope(null, null);

    Scope with(String key) {
        return new Scope(key, this);
    }

    boolean hasCte(String key) {
        for (Scope s = this; s != null; s = s.parent) {
            if (key.equals(s.cteKey)) {
                return true;
            }
        }
        return false;
    }
}
