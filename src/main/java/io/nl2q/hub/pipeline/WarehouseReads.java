package io.nl2q.hub.pipeline;

import io.nl2q.hub.errors.ErrorResponses;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.CorrelationIds;
import io.nl2q.hub.warehouse.QueryResult;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The reads of a tenant warehouse that features make outside the question API (CRM insights and widget, BOAST
 * exports): each goes through route query-read (guard, read-only execution, audit row, PII policy), so each is one
 * audit row with its purpose, the PII columns it read, its row count and the request's correlation id. A refused
 * read is audited (route audit-record-refusal), then rethrown to the feature.
 */
@Component("warehouseReads")
public class WarehouseReads {
    private final ProducerTemplate producer;
    private final ErrorResponses errors;

    WarehouseReads(ProducerTemplate producer, ErrorResponses errors) {
        this.producer = producer;
        this.errors = errors;
    }

    /**
     * @param purpose what the read is for, recorded in its audit row (e.g. {@code crm-widget-data})
     * @param sql     the statement; a {@link BoundSql} carries the values of its {@code ?} placeholders
     * @param maxRows the row cap; a result with more rows comes back cut and {@code truncated}
     */
    public QueryResult read(Caller caller, String purpose, CharSequence sql, int maxRows) {
        String correlationId = CorrelationIds.accept(MDC.get("correlationId"));
        long started = System.currentTimeMillis();
        Exchange done = producer.send("direct:read", e -> {
            e.setVariable("caller", caller);
            e.setVariable("kind", "read");
            e.setVariable("purpose", purpose);
            e.setVariable("sql", sql);
            e.setVariable("maxRows", maxRows);
            e.setVariable("correlationId", correlationId);
            e.getMessage().setBody(sql.toString());
        });
        Exception failure = done.getException();
        if (failure != null) {
            producer.send("direct:audit-refusal", e -> {
                e.setVariable("caller", caller);
                e.setVariable("kind", "read");
                e.setVariable("questionText", purpose);
                e.setVariable("guarded", done.getVariable("guarded"));
                e.setVariable("error", errors.render(failure, correlationId));
                e.setVariable("startedAt", new java.util.Date(started));
            });
            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        }
        return AnswerAssembler.result(done.getMessage().getBody(QueryAnswer.class));
    }
}
