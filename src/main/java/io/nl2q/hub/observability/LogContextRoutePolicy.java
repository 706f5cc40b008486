package io.nl2q.hub.observability;

import io.nl2q.hub.security.Callers;
import io.nl2q.hub.security.CorrelationIds;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

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
        // an HTTP exchange's header is the one RequestLogContext made sane; other exchanges may carry any text
        String correlationId = exchange.getIn().getHeader(CorrelationIds.HEADER, String.class);
        LogContext.set(Callers.ofCurrentThread().orElse(null),
                correlationId == null ? null : CorrelationIds.accept(correlationId));
    }
}
