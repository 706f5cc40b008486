package io.nl2q.hub.console;

import io.hawt.web.auth.AuthenticationConfiguration;
import io.nl2q.hub.security.PlatformOperators;
import jakarta.servlet.ServletContext;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Wires Hawtio's login to the hub's: its JAAS realm ({@code hawtio.realm}) is answered by {@link HawtioLogin} alone.
 * The configuration is given to Hawtio's own authentication settings, not installed JVM-wide, where it would meet
 * other JAAS users (Kafka clients).
 */
@Component
class HawtioLoginSetup implements ApplicationListener<WebServerInitializedEvent> {
    private final PlatformOperators operators;

    HawtioLoginSetup(PlatformOperators operators) {
        this.operators = operators;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!(event.getApplicationContext() instanceof ServletWebServerApplicationContext web)) {
            return;
        }
        ServletContext servlets = web.getServletContext();
        if (servlets == null
                || servlets.getAttribute(AuthenticationConfiguration.AUTHENTICATION_CONFIGURATION) == null) {
            return;
        }
        AuthenticationConfiguration hawtio = AuthenticationConfiguration.getConfiguration(servlets);
        hawtio.setConfiguration(new Realm(hawtio.getRealm(), operators));
    }

    /** One realm, one required module. */
    private static final class Realm extends Configuration {
        private final String name;
        private final AppConfigurationEntry[] entries;

        Realm(String name, PlatformOperators operators) {
            this.name = name;
            this.entries = new AppConfigurationEntry[] {new AppConfigurationEntry(HawtioLogin.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of(HawtioLogin.OPERATORS, operators))};
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
            return name.equals(realm) ? entries.clone() : null;
        }
    }
}
