package io.nl2q.hub.semantic.eval;

/** What happened to one question: right, wrong (with why), refused (with the engine's message). */
record Outcome(EvalItem item, Kind kind, String detail, long micros) {
    enum Kind { RIGHT, WRONG, REFUSED, ERROR }
}
