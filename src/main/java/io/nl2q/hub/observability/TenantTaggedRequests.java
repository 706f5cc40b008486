package io.nl2q.hub.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Tags {@code http.server.requests} with the caller's tenant ({@code none} before authentication), so questions,
 * refusals (4xx by status), failed authentications (401) and latency histograms are per tenant.
 */
final class TenantTaggedRequests extends DefaultServerRequestObservationConvention {
    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object tenant = context.getCarrier().getAttribute(RequestLogContext.TENANT_ATTRIBUTE);
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of("tenant", tenant instanceof String id ? id : "none"));
    }
}
