package io.nl2q.hub.observability;

import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.CorrelationIds;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every route's exchange logs with the request's tenant, caller and correlation id, like the request's own lines
 * ({@link RequestLogContext}); Camel keeps these keys when a route goes on on another thread
 * ({@code camel.main.mdc-logging-keys-pattern}). Exchanges of no request (timers, files) have none of them.
 */
final class LogContextRoutePolicy extends RoutePolicySupport implements RoutePolicyFactory {
    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return this;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = auth != null && auth.getPrincipal() instanceof Caller known ? known : null;
        put(RequestLogContext.TENANT, caller == null ? null : caller.tenant().id());
        put(RequestLogContext.CALLER, caller == null ? null : caller.subject());
        String correlationId = exchange.getIn().getHeader(CorrelationIds.HEADER, String.class);
        put(RequestLogContext.CORRELATION_ID, correlationId == null ? null : CorrelationIds.accept(correlationId));
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
