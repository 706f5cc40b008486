package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.tenancy.TenancyProperties;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The prod profile's start-up refusals, each with a small Spring application holding only the check. */
class ProdSafetyCheckTest {
    static final List<String> SAFE = List.of(
            "hub.security.oidc.enabled=true",
            "hub.security.oidc.issuer-uri=https://sso.example.com/realms/nl2q",
            "hub.security.oidc.audience=nl2q-hub",
            "spring.datasource.password=a-long-generated-password",
            "hub.tenancy.tenants[0].id=acme",
            "hub.tenancy.tenants[0].warehouse.dialect=postgresql",
            "hub.tenancy.tenants[0].warehouse.username=acme",
            "hub.tenancy.tenants[0].warehouse.password=another-long-password",
            "hub.events.publish-uri=kafka:nl2q.hub-events?brokers=kafka-1:9092",
            "hub.query.cache.events-uri=kafka:nl2q.hub-events?brokers=kafka-1:9092&groupId=nl2q-cache-hub-0");

    @Configuration
    @EnableConfigurationProperties({TenancyProperties.class, OidcProperties.class, RateLimitProperties.class,
        PlatformOperatorProperties.class})
    @Import(ProdSafetyCheck.class)
    static class OnlyTheCheck {
    }

    @Test
    void startsWhenNothingIsUnsafe() {
        try (ConfigurableApplicationContext context = run("prod", SAFE)) {
            assertThat(context.getBean(ProdSafetyCheck.class)).isNotNull();
        }
    }

    @Test
    void refusesDemoKeysDemoDataDefaultSecretsAndMissingAuthentication() {
        assertRefused(with("hub.tenancy.tenants[0].api-keys[0].key=acme-demo-key",
                "hub.tenancy.tenants[0].api-keys[0].roles=viewer"), "API keys in configuration");
        assertRefused(with("hub.tenancy.tenants[0].demo.scale=1.0", "hub.tenancy.tenants[0].demo.seed=1"), "demo data");
        assertRefused(with("spring.datasource.password=change-me"), "app-state database password");
        assertRefused(with("hub.tenancy.tenants[0].warehouse.password=password"), "warehouse password");
        assertRefused(with("hub.security.oidc.enabled=false"), "authentication without OIDC");
        assertRefused(with("hub.security.rate-limits.enabled=false"), "rate limits turned off");
        assertRefused(with("hub.events.publish-uri=seda:hub-events"), "events on an in-process channel");
        assertRefused(with("hub.security.platform-operators.keys[0]=platform-demo-key"),
                "platform operator keys in clear");
    }

    @Test
    void otherProfilesAreNotChecked() {
        try (ConfigurableApplicationContext context = run("default",
                with("hub.tenancy.tenants[0].api-keys[0].key=acme-demo-key", "hub.security.oidc.enabled=false"))) {
            assertThat(context.getBeansOfType(ProdSafetyCheck.class)).isEmpty();
        }
    }

    private static void assertRefused(List<String> properties, String reason) {
        assertThatThrownBy(() -> run("prod", properties).close()).as(reason)
                .rootCause().isInstanceOf(IllegalStateException.class).hasMessageContaining(reason);
    }

    private static List<String> with(String... overrides) {
        List<String> all = new ArrayList<>(SAFE);
        all.addAll(List.of(overrides));
        return all;
    }

    private static ConfigurableApplicationContext run(String profile, List<String> properties) {
        return new SpringApplicationBuilder(OnlyTheCheck.class).web(WebApplicationType.NONE).profiles(profile)
                .properties(properties.toArray(String[]::new))
                .properties("spring.config.location=optional:classpath:/none/", "spring.main.banner-mode=off")
                .run();
    }
}
