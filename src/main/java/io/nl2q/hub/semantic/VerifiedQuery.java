package io.nl2q.hub.semantic;

/** A question whose SQL an owner of the model checked; used here as "did you mean" examples. */
record VerifiedQuery(String name, String question, String sql, long verifiedAt, String verifiedBy) {
}
