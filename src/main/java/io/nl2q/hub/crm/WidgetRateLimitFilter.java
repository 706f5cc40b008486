package io.nl2q.hub.crm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.nl2q.hub.security.JsonErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Token buckets per signed link and per client address in front of {@code /widget/**}. */
final class WidgetRateLimitFilter extends OncePerRequestFilter {
    private final WidgetRateLimitProperties limits;
    private final JsonErrorWriter errors;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    WidgetRateLimitFilter(WidgetRateLimitProperties limits, JsonErrorWriter errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String link = request.getParameter("t");
        ConsumptionProbe byIp = bucket("ip|" + request.getRemoteAddr(), limits.perIp()).tryConsumeAndReturnRemaining(1);
        if (!byIp.isConsumed()) {
            refuse(request, response, byIp, "too many widget requests from this address");
            return;
        }
        if (link != null && !link.isEmpty()) {
            ConsumptionProbe byLink = bucket("link|" + link, limits.perLink()).tryConsumeAndReturnRemaining(1);
            if (!byLink.isConsumed()) {
                refuse(request, response, byLink, "too many requests with this widget link");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe,
                        String message) throws IOException {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        errors.rateLimited(request, response, seconds, message + "; retry in " + seconds + " s");
    }

    private Bucket bucket(String id, int capacity) {
        return buckets.get(id, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(capacity, limits.period()).build()).build());
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<WidgetRateLimitFilter> widgetRateLimitFilter(WidgetRateLimitProperties limits,
                                                                            JsonErrorWriter errors) {
            var registration = new FilterRegistrationBean<>(new WidgetRateLimitFilter(limits, errors));
            registration.addUrlPatterns("/widget/*");
            registration.setName("widgetRateLimitFilter");
            return registration;
        }
    }
}
