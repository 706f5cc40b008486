package io.nl2q.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.AnswerScope;
import io.nl2q.hub.pipeline.BoundSql;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The steps of the widget's routes (crm-widget-links, crm-widget-data, crm-widget-ask): who a signed link lets in,
 * the HCP's data, and how the ask box narrows and shapes an answer of the answer route. Every warehouse read goes
 * through the read route (audited, PII columns hidden unless the link's issuer may see them).
 */
@Component("widgetRequests")
public class WidgetRequests {
    static final String NOT_AVAILABLE = "This HCP is not available with this link.";
    private static final String NOT_ABOUT_THIS_HCP = "This box answers questions about this HCP, e.g. top"
            + " prescribers by TRx for Tirosint in Q4 2024.";
    private final WidgetLinks links;
    private final GuardedReads reads;
    private final SyncState state;
    private final WarehouseRegistry warehouses;
    private final ObjectMapper json;

    WidgetRequests(WidgetLinks links, GuardedReads reads, SyncState state, WarehouseRegistry warehouses,
                   ObjectMapper json) {
        this.links = links;
        this.reads = reads;
        this.state = state;
        this.warehouses = warehouses;
        this.json = json;
    }

    /** Issues a signed link for an HCP of the caller's own tenant, carrying the caller's reading roles. */
    public Map<String, Object> issue(Caller caller, String body) {
        String id = crmAccountId(body);
        if (!exists(caller, id)) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST,
                    "no HCP with this CRM account id in your tenant");
        }
        var grant = links.issue(caller.tenant().id(), id, caller.subject(), caller.roles());
        return Map.of("url", "/widget/hcp/" + id + "?t=" + links.token(grant),
                "expiresAt", grant.expiresAt().toString());
    }

    /** The caller a link stands for (its tenant, {@code widget:<issuer>}, the issuer's reading roles), or FORBIDDEN. */
    public Caller caller(String token, String id) {
        Optional<WidgetLinks.Grant> grant = links.verify(token, id);
        if (grant.isEmpty()) {
            throw new HubException(ErrorCode.FORBIDDEN, Phase.AUTHENTICATE, NOT_AVAILABLE);
        }
        Caller caller = new Caller(warehouses.forTenant(grant.get().tenant()).tenant(),
                "widget:" + grant.get().subject(), grant.get().roles());
        if (!exists(caller, id)) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST, NOT_AVAILABLE);
        }
        return caller;
    }

    /** The HCP (PII fields only for a link whose issuer may see them), its TRx trend, recent calls and insight. */
    public Map<String, Object> data(Caller caller, String id) {
        String hcpFilter = " WHERE h.crm_account_id = ?";
        QueryResult hcp = reads.query(caller, "crm-widget-data", BoundSql.of("SELECT h.full_name, h.specialty,"
                + " h.city, h.state, h.npi FROM hcp h" + hcpFilter, id), 1);
        QueryResult trend = reads.query(caller, "crm-widget-data", BoundSql.of("SELECT r.week_ending,"
                + " SUM(r.trx) AS trx FROM rx_weekly r JOIN hcp h ON h.hcp_id = r.hcp_id" + hcpFilter
                + " GROUP BY r.week_ending ORDER BY r.week_ending DESC", id), 52);
        QueryResult calls = reads.query(caller, "crm-widget-data", BoundSql.of("SELECT c.call_date, c.channel,"
                + " p.product_name FROM call_activity c JOIN hcp h ON h.hcp_id = c.hcp_id JOIN product p"
                + " ON p.product_id = c.product_id" + hcpFilter + " ORDER BY c.call_date DESC", id), 10);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!hcp.rows().isEmpty()) {
            for (int i = 0; i < hcp.columns().size(); i++) {
                fields.put(hcp.columns().get(i).name(), hcp.rows().get(0).get(i));
            }
        }
        out.put("hcp", fields);
        List<List<Object>> weeks = new ArrayList<>(trend.rows());
        Collections.reverse(weeks);
        out.put("trend", weeks.stream().map(r -> Map.of("week", String.valueOf(r.get(0)), "trx", r.get(1))).toList());
        out.put("calls", calls.rows().stream().map(r -> Map.of("date", String.valueOf(r.get(0)), "channel", r.get(1),
                "product", r.get(2))).toList());
        out.put("insight", state.latestInsight(caller.tenant().id(), id).orElse(Map.of()));
        return out;
    }

    /** The ask box's scope: only a query whose rows are prescribers, narrowed to this HCP. */
    public AnswerScope scope(String id) {
        return generated -> HcpScope.scope(generated.sql(), id)
                .map(sql -> new GeneratedQuery(sql, generated.engine(), generated.explanation(), generated.chart()))
                .orElseThrow(() -> new HubException(ErrorCode.UNANSWERABLE, Phase.GENERATE, NOT_ABOUT_THIS_HCP));
    }

    /** The ask box's answer shape: explanation, column names, rows. */
    public Map<String, Object> asked(QueryAnswer answer) {
        return Map.of("explanation", answer.explanation() + " (this HCP only)",
                "columns", answer.columns().stream().map(QueryResult.ResultColumn::name).toList(),
                "rows", answer.rows());
    }

    private boolean exists(Caller caller, String id) {
        return GuardedReads.isCrmId(id) && !reads.query(caller, "crm-widget-link",
                BoundSql.of("SELECT crm_account_id FROM hcp WHERE crm_account_id = ?", id), 1).rows().isEmpty();
    }

    private String crmAccountId(String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
            JsonNode id = root == null ? null : root.get("crmAccountId");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, "the request body is not valid JSON");
        }
    }
}
