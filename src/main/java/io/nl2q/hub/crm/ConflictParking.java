package io.nl2q.hub.crm;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands an account the sync cannot apply to route crm-veeva-inbound-conflict, which parks it in the dead-letter store
 * with the tenant and the replay address of route crm-veeva-inbound-account. Its calls wait in crm_pending_call.
 */
@Component
class ConflictParking {
    private final ProducerTemplate producer;

    ConflictParking(ProducerTemplate producer) {
        this.producer = producer;
    }

    void park(String tenant, String accountJson, String reason) {
        producer.sendBodyAndHeaders("direct:crm-veeva-inbound-conflict", accountJson,
                Map.of("hubTenant", tenant, "hubConflict", reason));
    }
}
