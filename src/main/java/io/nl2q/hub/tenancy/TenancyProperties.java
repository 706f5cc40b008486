package io.nl2q.hub.tenancy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The tenants this hub serves ({@code hub.tenancy.tenants}). Each names its warehouse; demo tenants also carry the
 * scale and seed of their generated data and their demo API keys (refused by the prod profile).
 *
 * <p>{@code hub.tenancy.layout} says where tenants' rows live, for the whole deployment: {@code schema-per-tenant}
 * (the default; each tenant's {@code schema}) or {@code shared-tables} (one {@code shared-schema} whose tables carry
 * a {@code tenant-column}, default {@code tenant_id}, which the guard filters on; pair it with the row-level security
 * of {@link PostgresTenantIsolation#sharedTableRowSecurity}).
 */
@ConfigurationProperties("hub.tenancy")
public record TenancyProperties(List<TenantConfig> tenants, Layout layout, String sharedSchema,
                                String tenantColumn) {
    @ConstructorBinding
    public TenancyProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        layout = layout == null ? Layout.SCHEMA_PER_TENANT : layout;
        tenantColumn = tenantColumn == null ? "tenant_id" : tenantColumn;
        if (layout == Layout.SHARED_TABLES && (sharedSchema == null || sharedSchema.isBlank())) {
            throw new IllegalArgumentException("hub.tenancy.shared-schema is required with layout shared-tables");
        }
    }

    /** Schema-per-tenant tenants only. */
    public TenancyProperties(List<TenantConfig> tenants) {
        this(tenants, null, null, null);
    }

    /** Where tenants' rows live. */
    public enum Layout { SCHEMA_PER_TENANT, SHARED_TABLES }

    /** One tenant: id, display name, schema, warehouse, optional demo data and demo keys. */
    public record TenantConfig(String id, String name, String schema, WarehouseConfig warehouse, DemoData demo,
                               List<ApiKeyConfig> apiKeys) {
        public TenantConfig {
            apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
            schema = schema == null ? id : schema;
            name = name == null ? id : name;
        }

        public TenantRef ref() {
            return new TenantRef(id, schema);
        }
    }

    /**
     * Where a tenant's data live. {@code url} is a JDBC URL; {@code dialect} one of duckdb, postgresql, snowflake,
     * sqlserver, sqlite. Credentials come from environment placeholders, never from the repository.
     */
    public record WarehouseConfig(String dialect, String url, String username, String password, Integer poolSize) {
        public WarehouseConfig {
            poolSize = poolSize == null ? 4 : poolSize;
        }
    }

    /** Demo data generated on first start: scale 1.0 is about 4 million prescription rows. */
    public record DemoData(double scale, long seed) {
    }

    /** A key accepted for this tenant, with its roles. Only for demo and development profiles. */
    public record ApiKeyConfig(String key, List<String> roles) {
        public ApiKeyConfig {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
