package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.TenancyProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start unsafe: keys written in configuration (the demo keys above all) or demo data,
 * authentication left to API keys alone (production identity is OIDC: hub.security.oidc.enabled), rate limits off,
 * or a secret left at a default or example value. Keys live only hashed in the app-state database, issued through
 * the API.
 */
@Component
@Profile("prod")
class ProdSafetyCheck implements InitializingBean {
    static final Set<String> DEFAULT_SECRETS = Set.of("", "change-me", "changeme", "password", "secret", "admin", "sa",
            "postgres", "unused", "test");
    private final TenancyProperties tenancy;
    private final OidcProperties oidc;
    private final RateLimitProperties rateLimits;
    private final Environment environment;
    private final PlatformOperatorProperties platformOperators;

    ProdSafetyCheck(TenancyProperties tenancy, OidcProperties oidc, RateLimitProperties rateLimits,
                    Environment environment, PlatformOperatorProperties platformOperators) {
        this.platformOperators = platformOperators;
        this.tenancy = tenancy;
        this.oidc = oidc;
        this.rateLimits = rateLimits;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (TenancyProperties.TenantConfig tenant : tenancy.tenants()) {
            if (!tenant.apiKeys().isEmpty()) {
                problems.add("API keys in configuration (tenant " + tenant.id()
                        + "); issue keys through the API and remove hub.tenancy.tenants[].api-keys");
            }
            if (tenant.demo() != null) {
                problems.add("demo data (tenant " + tenant.id() + ")");
            }
            if (tenant.warehouse() != null && tenant.warehouse().username() != null
                    && isDefault(tenant.warehouse().password())) {
                problems.add("a default warehouse password (tenant " + tenant.id() + ")");
            }
        }
        if (!platformOperators.keys().isEmpty()) {
            problems.add("platform operator keys in clear (hub.security.platform-operators.keys; give their SHA-256"
                    + " in HUB_PLATFORM_OPERATOR_KEY_SHA256)");
        }
        if (!oidc.enabled()) {
            problems.add("authentication without OIDC (set hub.security.oidc.enabled=true with issuer-uri and audience)");
        }
        if (!rateLimits.enabled()) {
            problems.add("rate limits turned off (hub.security.rate-limits.enabled)");
        }
        String statePassword = environment.getProperty("spring.datasource.password");
        if (isDefault(statePassword)) {
            problems.add("a default app-state database password (spring.datasource.password)");
        }
        for (String events : List.of("hub.events.publish-uri", "hub.query.cache.events-uri")) {
            String uri = environment.getProperty(events, "seda:hub-events");
            if (uri.startsWith("seda:") || uri.startsWith("direct:")) {
                // replicas would never hear of each other's loads, and would serve answers from before them
                problems.add("events on an in-process channel (" + events + "; a Kafka topic in production)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start with " + String.join("; ", problems));
        }
    }

    private static boolean isDefault(String secret) {
        return secret == null || DEFAULT_SECRETS.contains(secret.strip().toLowerCase(Locale.ROOT));
    }
}
