package io.nl2q.hub.guard;

import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.SqlDialect;
import java.util.Set;

/** The demo tenant as the corpus tests see it: acme, the eight tables of warehouse-schema.md, 10,000 rows. */
final class Fixtures {
    static final TenantRef ACME_TENANT = new TenantRef("acme", "acme");
    static final Set<String> TABLES = Set.of("territory", "hcp", "product", "payer", "rx_weekly", "call_activity",
            "hcp_target", "formulary");
    static final int MAX_ROWS = 10_000;
    static final GuardContext ACME = context(TestDialects.DUCKDB);

    private Fixtures() {
    }

    static GuardContext context(SqlDialect dialect) {
        return new GuardContext(ACME_TENANT, TABLES, dialect, MAX_ROWS);
    }
}
