package io.nl2q.hub.powerbi;

import io.nl2q.hub.pipeline.QueryAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A question's answer in OData JSON shape for Power BI ({@code POST /api/powerbi/query}): {@code @odata.context},
 * {@code value} as one object per row, and the column types as an instance annotation so the connector can build
 * a typed table without guessing.
 */
@Component("odataAnswers")
public class ODataAnswers {
    private final ODataProperties properties;

    ODataAnswers(ODataProperties properties) {
        this.properties = properties;
    }

    /**
     * @param requestUrl the URL the question was posted to, built by the server from the request's Host header; it
     *                   is not used for the context URL, which is the configured base URL's feed or, unset, the
     *                   feed's path (resolved by the client against the URL it posted to)
     */
    public Map<String, Object> answer(QueryAnswer answer, String requestUrl) {
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", serviceRoot() + "$metadata#Collection(Edm.Untyped)");
        var columns = new ArrayList<Map<String, String>>();
        answer.columns().forEach(c -> columns.add(Map.of("name", c.name(), "type",
                FeedColumn.typeOf(c.type()).getFullQualifiedName().getFullQualifiedNameAsString())));
        body.put("@nl2q.columns", columns);
        body.put("@nl2q.sql", answer.sql());
        body.put("@nl2q.truncated", answer.truncated());
        var value = new ArrayList<Map<String, Object>>();
        for (List<Object> row : answer.rows()) {
            var object = new LinkedHashMap<String, Object>();
            for (int i = 0; i < answer.columns().size(); i++) {
                object.put(answer.columns().get(i).name(), row.get(i));
            }
            value.add(object);
        }
        body.put("value", value);
        return body;
    }

    private String serviceRoot() {
        return (properties.baseUrl() == null ? "" : properties.baseUrl()) + ODataFeedConfig.PATH + "/";
    }
}
