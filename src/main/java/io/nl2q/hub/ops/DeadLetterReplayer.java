package io.nl2q.hub.ops;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Sends a parked delivery back into its flow, with the headers it had, and records the replay. */
@Component("deadLetterReplayer")
public class DeadLetterReplayer {
    private final DeadLetterStore store;
    private final ProducerTemplate producer;

    DeadLetterReplayer(DeadLetterStore store, ProducerTemplate producer) {
        this.store = store;
        this.producer = producer;
    }

    /** Replays an entry of any tenant (platform operators, through Hawtio). */
    public DeadLetter replay(long id) {
        return replay(null, id);
    }

    /** Replays an entry of this tenant ({@code tenantId} null: of any); another tenant's is NOT_FOUND. */
    public DeadLetter replay(String tenantId, long id) {
        DeadLetter letter = store.get(tenantId, id);
        if (letter.replayUri() == null) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.DELIVER,
                    "dead letter " + id + " of route " + letter.routeId() + " cannot be replayed from the hub");
        }
        Map<String, Object> headers = new HashMap<>(letter.headers());
        producer.sendBodyAndHeaders(letter.replayUri(), letter.payload(), headers);
        store.markReplayed(id);
        return store.get(id);
    }
}
