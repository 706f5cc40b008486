package io.nl2q.hub.retrieval;

/** A text found by a search, with its cosine similarity to the query (-1..1, higher is closer). */
public record Match(String kind, String id, String text, double score) {
}
