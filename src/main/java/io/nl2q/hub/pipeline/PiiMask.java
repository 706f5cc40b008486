package io.nl2q.hub.pipeline;

import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.warehouse.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Removes the PII columns (HCP names, NPI) from an answer for a caller without a PII role: the same columns and roles
 * as the OData feed ({@code hub.powerbi.odata.pii-columns}, {@code pii-roles}), matched by column name. Applied last,
 * after the cache, because cached answers are shared by everyone in a tenant.
 */
@Component("piiMask")
public class PiiMask {
    private final Set<String> names;
    private final Set<Role> roles;

    PiiMask(PiiPolicy properties) {
        this.names = properties.piiColumns().stream().map(c -> c.substring(c.indexOf('.') + 1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.roles = properties.piiRoles().stream().map(Role::parse).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the caller holds a role that may read the PII columns (the one rule for every data path). */
    public boolean seesPii(Caller caller) {
        return roles.stream().anyMatch(caller::has);
    }

    public QueryAnswer forCaller(QueryAnswer answer, Caller caller) {
        if (seesPii(caller)) {
            return answer;
        }
        List<Integer> kept = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < answer.columns().size(); i++) {
            String name = answer.columns().get(i).name();
            if (names.contains(name.toLowerCase(Locale.ROOT))) {
                hidden.add(name);
            } else {
                kept.add(i);
            }
        }
        if (hidden.isEmpty()) {
            return answer;
        }
        List<QueryResult.ResultColumn> columns = kept.stream().map(answer.columns()::get).toList();
        List<List<Object>> rows = answer.rows().stream()
                .map(row -> kept.stream().map(row::get).toList()).toList();
        Chart chart = answer.chart();
        if (chart != null && (hidden.contains(chart.x()) || hidden.contains(chart.y()))) {
            chart = Chart.table();
        }
        String explanation = (answer.explanation() == null ? "" : answer.explanation() + " ")
                + "Columns hidden for your role: " + String.join(", ", hidden) + ".";
        return answer.withTable(columns, rows).withExplanation(explanation).withChart(chart);
    }
}
