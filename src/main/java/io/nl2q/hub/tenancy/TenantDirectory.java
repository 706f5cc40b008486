package io.nl2q.hub.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenants this hub serves, as registered in the app state (seeded from configuration at start). */
@Component
public class TenantDirectory {
    private final JdbcTemplate jdbc;

    TenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TenantRef> find(String tenantId) {
        List<TenantRef> found = jdbc.query("SELECT tenant_id, schema_name FROM tenant WHERE tenant_id = ?",
                (rs, i) -> new TenantRef(rs.getString(1), rs.getString(2)), tenantId);
        return found.stream().findFirst();
    }
}
