package io.nl2q.hub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TenancyLayoutBindingTest {

    private static TenancyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hub.tenancy", TenancyProperties.class);
    }

    @Test
    void schemaPerTenantIsTheDefault() {
        TenancyProperties tenancy = bind(Map.of("hub.tenancy.tenants[0].id", "acme"));
        assertThat(tenancy.layout()).isEqualTo(TenancyProperties.Layout.SCHEMA_PER_TENANT);
        assertThat(tenancy.tenants()).hasSize(1);
    }

    @Test
    void sharedTablesBindsWithTheDefaultTenantColumn() {
        TenancyProperties tenancy = bind(Map.of("hub.tenancy.layout", "shared-tables",
                "hub.tenancy.shared-schema", "shared"));
        assertThat(tenancy.layout()).isEqualTo(TenancyProperties.Layout.SHARED_TABLES);
        assertThat(tenancy.sharedSchema()).isEqualTo("shared");
        assertThat(tenancy.tenantColumn()).isEqualTo("tenant_id");
    }

    @Test
    void sharedTablesWithoutASharedSchemaIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hub.tenancy.layout", "shared-tables")))
                .hasRootCauseMessage("hub.tenancy.shared-schema is required with layout shared-tables");
    }
}
