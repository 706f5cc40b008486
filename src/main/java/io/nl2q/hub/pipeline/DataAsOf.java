package io.nl2q.hub.pipeline;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The date a tenant's data is as of: the latest value of the model's as-of dimension in its warehouse (the latest
 * week_ending loaded), not today's date. Reports print it; the semantic engine registers the implementation and
 * reads it again after the tenant's data changed. Empty without a model, or for a warehouse without that column.
 */
public interface DataAsOf {
    Optional<LocalDate> asOf(String tenantId);
}
