package io.nl2q.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Veeva CRM on the Salesforce REST API: SOQL query/queryAll paged through nextRecordsUrl for increments, Bulk API 2.0
 * query jobs for first loads, sObject Collections (200 a call) and Bulk API 2.0 ingest jobs to push.
 */
final class SalesforceAdapter implements CrmAdapter {
    static final int COLLECTION_SIZE = 200;
    private static final DateTimeFormatter SOQL_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private final SalesforceClient client;
    private final LimitsGovernor governor;
    private final CrmProperties.Sync sync;

    SalesforceAdapter(SalesforceClient client, LimitsGovernor governor, CrmProperties.Sync sync) {
        this.client = client;
        this.governor = governor;
        this.sync = sync;
    }

    @Override
    public void changedSince(String object, List<String> fields, String where, Position since, Consumer<Page> page) {
        String stamp = soqlDate(since.stamp());
        String after = since.id() != null && GuardedReads.isCrmId(since.id())
                ? "(SystemModstamp > " + stamp + " OR (SystemModstamp = " + stamp + " AND Id > '" + since.id() + "'))"
                : "SystemModstamp >= " + stamp;
        String soql = "SELECT " + String.join(", ", fields) + " FROM " + object + " WHERE "
                + (where == null || where.isBlank() ? "" : where + " AND ") + after
                + " ORDER BY SystemModstamp ASC, Id ASC";
        query("/query", soql, page);
    }

    @Override
    public void select(String object, List<String> fields, String where, Consumer<Page> page) {
        query("/query", "SELECT " + String.join(", ", fields) + " FROM " + object
                + (where == null || where.isBlank() ? "" : " WHERE " + where), page);
    }

    @Override
    public void deletedSince(String object, Instant since, Consumer<Page> page) {
        query("/queryAll", "SELECT Id, SystemModstamp FROM " + object + " WHERE IsDeleted = true AND SystemModstamp >= "
                + soqlDate(since) + " ORDER BY SystemModstamp ASC, Id ASC", page);
    }

    @Override
    public void extractAll(String object, List<String> fields, String where, Consumer<Page> page) {
        String soql = "SELECT " + String.join(", ", fields) + " FROM " + object
                + (where == null || where.isBlank() ? "" : " WHERE " + where);
        bulkQuery(soql, page);
    }

    @Override
    public List<Map<String, String>> byIds(String object, List<String> fields, String where, Collection<String> ids) {
        List<String> valid = ids.stream().filter(GuardedReads::isCrmId).distinct().toList();
        List<Map<String, String>> records = new ArrayList<>();
        for (int from = 0; from < valid.size(); from += COLLECTION_SIZE) {
            String in = String.join(", ", valid.subList(from, Math.min(valid.size(), from + COLLECTION_SIZE)).stream()
                    .map(id -> "'" + id + "'").toList());
            query("/query", "SELECT " + String.join(", ", fields) + " FROM " + object + " WHERE "
                    + (where == null || where.isBlank() ? "" : where + " AND ") + "Id IN (" + in + ")",
                    p -> records.addAll(p.records()));
        }
        return records;
    }

    @Override
    public Set<String> allIds(String object, String where) {
        Set<String> ids = new HashSet<>();
        bulkQuery("SELECT Id FROM " + object + (where == null || where.isBlank() ? "" : " WHERE " + where),
                p -> p.records().forEach(r -> ids.add(r.get("Id"))));
        return ids;
    }

    @Override
    public PushResult push(String object, String keyField, List<Map<String, String>> records) {
        return records.size() <= sync.collectionsMax()
                ? pushCollections(object, keyField, records) : pushBulk(object, keyField, records);
    }

    @Override
    public ApiUsage usage() {
        JsonNode limits = client.getJson(client.data("/limits"), LimitsGovernor.Kind.LIMITS);
        JsonNode daily = limits.path("DailyApiRequests");
        long max = daily.path("Max").asLong();
        long used = max - daily.path("Remaining").asLong();
        governor.record(client.tenant(), used, max);
        return new ApiUsage(used, max);
    }

    private void query(String resource, String soql, Consumer<Page> page) {
        String next = client.data(resource + "?q=" + SalesforceClient.enc(soql));
        while (next != null) {
            String url = next;
            JsonNode result = governor.longRequest(client.tenant(), () -> client.getJson(url));
            List<Map<String, String>> records = new ArrayList<>();
            for (JsonNode r : result.path("records")) {
                records.add(flatten(r));
            }
            page.accept(new Page(records));
            next = result.path("done").asBoolean(true) ? null : result.path("nextRecordsUrl").asText(null);
        }
    }

    private void bulkQuery(String soql, Consumer<Page> page) {
        String tenant = client.tenant();
        ObjectNode create = client.sendJsonBody().put("operation", "query").put("query", soql);
        String jobId = governor.longRequest(tenant, () -> client.sendJson("POST", client.data("/jobs/query"), create))
                .path("id").asText();
        awaitJob("/jobs/query/" + jobId);
        String locator = null;
        do {
            String url = client.data("/jobs/query/" + jobId + "/results?maxRecords=" + sync.bulkResultPageSize()
                    + (locator == null ? "" : "&locator=" + SalesforceClient.enc(locator)));
            SalesforceClient.Reply r = governor.longRequest(tenant, () -> client.call("GET", url, null, null,
                    LimitsGovernor.Kind.CONTINUATION));
            page.accept(new Page(Csv.read(r.body())));
            locator = r.header("Sforce-Locator");
        } while (locator != null && !locator.isBlank() && !"null".equals(locator));
    }

    /** Polls a Bulk 2.0 job until JobComplete; Failed or Aborted, or no end within the timeout, fail the sync. */
    private JsonNode awaitJob(String jobPath) {
        long deadline = System.nanoTime() + sync.bulkTimeout().toNanos();
        long wait = Math.max(1, sync.bulkPollInterval().toMillis());
        while (true) {
            JsonNode job = client.getJson(client.data(jobPath), LimitsGovernor.Kind.CONTINUATION);
            String state = job.path("state").asText();
            if ("JobComplete".equals(state)) {
                return job;
            }
            if ("Failed".equals(state) || "Aborted".equals(state)) {
                throw new SalesforceApiException(200, "BULK_JOB_" + state.toUpperCase(),
                        job.path("errorMessage").asText("job " + jobPath + " ended " + state));
            }
            if (System.nanoTime() > deadline) {
                throw new SalesforceApiException(200, "BULK_JOB_TIMEOUT", "job " + jobPath + " still " + state);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceApiException(0, "INTERRUPTED", jobPath);
            }
            wait = Math.min(wait * 2, 30_000);
        }
    }

    /** sObject Collections upsert, collectionSize a call, allOrNone false so one bad record does not sink the rest. */
    private PushResult pushCollections(String object, String keyField, List<Map<String, String>> records) {
        int accepted = 0;
        int calls = 0;
        Map<String, Failure> failed = new LinkedHashMap<>();
        int size = sync.collectionSize();
        for (int from = 0; from < records.size(); from += size) {
            List<Map<String, String>> chunk = records.subList(from, Math.min(records.size(), from + size));
            ObjectNode body = client.sendJsonBody().put("allOrNone", false);
            ArrayNode array = body.putArray("records");
            for (Map<String, String> record : chunk) {
                ObjectNode node = array.addObject();
                node.putObject("attributes").put("type", object);
                record.forEach(node::put); // a null value goes as JSON null, which clears the field
            }
            JsonNode results = client.sendJson("PATCH", client.data("/composite/sobjects/" + object + "/" + keyField),
                    body);
            calls++;
            Iterator<JsonNode> it = results.iterator();
            for (Map<String, String> record : chunk) {
                JsonNode result = it.hasNext() ? it.next() : null;
                if (result != null && result.path("success").asBoolean()) {
                    accepted++;
                } else {
                    JsonNode error = result == null ? null : result.path("errors").path(0);
                    failed.put(record.get(keyField), error == null
                            ? new Failure("NO_RESULT", "no result for the record")
                            : new Failure(error.path("statusCode").asText("UNKNOWN"), error.path("message").asText()));
                }
            }
        }
        return new PushResult(accepted, failed, calls);
    }

    /** Bulk API 2.0 ingest: create, upload CSV, close, poll, read failed results: a handful of calls per job. */
    private PushResult pushBulk(String object, String keyField, List<Map<String, String>> records) {
        long before = governor.calls(client.tenant());
        List<String> header = new ArrayList<>(records.get(0).keySet());
        ObjectNode create = client.sendJsonBody().put("object", object).put("externalIdFieldName", keyField)
                .put("contentType", "CSV").put("operation", "upsert").put("lineEnding", "LF");
        String jobId = client.sendJson("POST", client.data("/jobs/ingest"), create).path("id").asText();
        String job = "/jobs/ingest/" + jobId;
        // Bulk 2.0 ignores an empty value on update; #N/A is how it is told to clear a field
        List<Map<String, String>> rows = records.stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            r.forEach((k, v) -> row.put(k, v == null ? "#N/A" : v));
            return row;
        }).toList();
        client.call("PUT", client.data(job + "/batches"), "text/csv", Csv.write(header, rows),
                LimitsGovernor.Kind.CONTINUATION);
        client.sendJson("PATCH", client.data(job), client.sendJsonBody().put("state", "UploadComplete"),
                LimitsGovernor.Kind.CONTINUATION);
        awaitJob(job);
        String failedCsv = client.call("GET", client.data(job + "/failedResults"), null, null,
                LimitsGovernor.Kind.CONTINUATION).body();
        Map<String, Failure> failed = new HashMap<>();
        for (Map<String, String> row : Csv.read(failedCsv)) {
            String error = row.getOrDefault("sf__Error", "UNKNOWN:");
            int colon = error.indexOf(':');
            String key = row.get(keyField) != null ? row.get(keyField) : row.get("sf__Id");
            failed.put(key, new Failure(colon < 0 ? error : error.substring(0, colon),
                    colon < 0 ? "" : error.substring(colon + 1).replaceFirst(":--$", "")));
        }
        int calls = (int) (governor.calls(client.tenant()) - before);
        return new PushResult(records.size() - failed.size(), failed, calls);
    }

    private static Map<String, String> flatten(JsonNode record) {
        Map<String, String> out = new LinkedHashMap<>();
        record.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("attributes")) {
                out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        });
        return out;
    }

    /**
     * SOQL datetime literal in UTC at SystemModstamp's precision (milliseconds): a watermark cut to the second would
     * read every record of its last second again on every run.
     */
    static String soqlDate(Instant instant) {
        return SOQL_STAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
