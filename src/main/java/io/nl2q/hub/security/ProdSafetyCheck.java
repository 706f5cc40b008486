package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.TenancyProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production, keys live only hashed in the app-state database, issued through the API: a key written in
 * configuration (the demo keys above all) stops the start-up.
 */
@Component
@Profile("prod")
class ProdSafetyCheck implements InitializingBean {
    private final TenancyProperties tenancy;

    ProdSafetyCheck(TenancyProperties tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public void afterPropertiesSet() {
        for (TenancyProperties.TenantConfig tenant : tenancy.tenants()) {
            if (!tenant.apiKeys().isEmpty()) {
                throw new IllegalStateException("the prod profile refuses API keys in configuration (tenant "
                        + tenant.id() + "); issue keys through the API and remove hub.tenancy.tenants[].api-keys");
            }
            if (tenant.demo() != null) {
                throw new IllegalStateException("the prod profile refuses demo data (tenant " + tenant.id() + ")");
            }
        }
    }
}
