package io.nl2q.hub.retrieval;

import java.util.List;

/**
 * The texts describing a tenant's semantic model (tables, measures, dimensions with synonyms), searched to give the
 * language model only the part of the model a question needs. The semantic engine provides an implementation from
 * its model file; until then the warehouse schema is described.
 */
public interface ModelElements {
    List<IndexedText> of(String tenantId);
}
