package io.nl2q.hub.security;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test context the loopback port the test Keycloak listens on (picked once per JVM, see
 * {@link KeycloakServer#port()}), so the shared hub context trusts it without a context of its own. Keycloak itself
 * starts only when a test asks for a token; until then bearer tokens just fail to validate. All instances are equal,
 * so the shared context stays one cached context.
 */
public final class KeycloakPortCustomizer implements ContextCustomizerFactory, ContextCustomizer {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return this;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("test-keycloak",
                Map.of("nl2q.test.keycloak-port", Integer.toString(KeycloakServer.port()))));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeycloakPortCustomizer;
    }

    @Override
    public int hashCode() {
        return KeycloakPortCustomizer.class.hashCode();
    }
}
