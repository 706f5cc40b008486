package io.nl2q.hub.app;

import io.nl2q.hub.security.OidcProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web app: {@code /app/} is static/app/index.html, the chart library comes from its WebJar under
 * {@code /app/lib/echarts/}, and {@code /app/config.json} tells the page how to sign in (public facts only).
 */
@Configuration
class AppWeb implements WebMvcConfigurer {
    static final String ECHARTS = "classpath:/META-INF/resources/webjars/echarts/5.3.1/dist/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/app/").setViewName("forward:/app/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/app/lib/echarts/**").addResourceLocations(ECHARTS)
                .setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7)));
    }

    @RestController
    static class SignInOptions {
        private final OidcProperties oidc;
        private final String clientId;

        SignInOptions(OidcProperties oidc, AppProperties app) {
            this.oidc = oidc;
            this.clientId = app.oidcClientId();
        }

        @GetMapping(path = "/app/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> options() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("apiKeys", true);
            if (oidc.enabled()) {
                out.put("oidc", Map.of("issuer", oidc.issuerUri(), "clientId", clientId));
            }
            return out;
        }
    }
}
