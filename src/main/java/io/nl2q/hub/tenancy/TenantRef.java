package io.nl2q.hub.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant as every flow sees it: its id and the warehouse schema that holds its data. */
public record TenantRef(String id, String schema) {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public TenantRef {
        Objects.requireNonNull(id, "tenant id");
        Objects.requireNonNull(schema, "tenant schema");
        if (!SAFE_NAME.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id must match " + SAFE_NAME + ": " + id);
        }
        if (!SAFE_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("tenant schema must match " + SAFE_NAME + ": " + schema);
        }
    }
}
