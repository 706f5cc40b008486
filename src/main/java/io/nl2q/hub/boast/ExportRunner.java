package io.nl2q.hub.boast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.PermanentFailure;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.pipeline.WarehouseReads;
import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.ExchangeHelper;
import org.springframework.stereotype.Component;

/**
 * Runs a saved export: its saved question's SQL (or its own) goes through the read route like an analyst's (guard,
 * read-only warehouse session, one audit row, the PII policy by the export's role), capped at the export's max-rows
 * (a larger result is refused, never cut), and its result is written as CSV with a SHA-256 companion and a manifest, ready for the partner's inbox.
 */
@Component("exportRunner")
public class ExportRunner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(ZoneOffset.UTC);
    private final BoastProperties properties;
    private final WarehouseReads reads;
    private final WarehouseRegistry warehouses;
    private final ObjectMapper json;
    private final SavedQuestions savedQuestions;
    private final QueryGenerator generator;
    private final ProducerTemplate producer;

    ExportRunner(BoastProperties properties, WarehouseReads reads, WarehouseRegistry warehouses, ObjectMapper json,
                 SavedQuestions savedQuestions, QueryGenerator generator, ProducerTemplate producer) {
        this.properties = properties;
        this.reads = reads;
        this.warehouses = warehouses;
        this.json = json;
        this.savedQuestions = savedQuestions;
        this.generator = generator;
        this.producer = producer;
    }

    /** The exports the schedule runs. */
    public List<String> names() {
        return properties.exports().stream().map(BoastProperties.Export::name).toList();
    }

    /** Checks that {@code caller} may run the export {@code name} (an operator of its tenant); returns the name. */
    public String authorize(String name, Caller caller) {
        BoastProperties.Export export = properties.export(name);
        if (export == null || !export.tenant().equals(caller.tenant().id())) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.DELIVER, "no export " + name);
        }
        return name;
    }

    /**
     * Runs an export now through route boast-outbound (retries, then the dead-letter store) and returns the
     * operator's summary: the files delivered, or that the delivery was parked.
     */
    public Map<String, Object> runNow(String name) {
        Exchange done = producer.send("direct:boast-outbound", e -> e.getMessage().setHeader("boastExport", name));
        if (done.getException() != null) {
            throw new IllegalStateException("export " + name + " failed: " + done.getException().getMessage(),
                    done.getException());
        }
        Object result = done.getMessage().getBody();
        return result instanceof ExportBatch batch && !ExchangeHelper.isFailureHandled(done) ? batch.summary()
                : Map.of("export", name, "status", "failed after retries; parked in the dead-letter store");
    }

    public ExportBatch run(String name) {
        BoastProperties.Export export = properties.export(name);
        if (export == null) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.DELIVER, "no export " + name);
        }
        TenantWarehouse warehouse = warehouses.forTenant(export.tenant());
        var tenant = warehouse.tenant();
        var caller = new Caller(tenant, "boast-export:" + name, Set.of(Role.ANALYST));
        String sql = export.sql() != null ? export.sql()
                : savedQuestions.get(tenant.id(), export.savedQuestion()).sqlFor(caller, generator);
        QueryResult result = reads.read(caller, "boast-export:" + name, sql, export.maxRows());
        if (result.truncated()) {
            throw new PermanentFailure(ErrorCode.BAD_REQUEST, Phase.DELIVER, "export " + name + " has more than "
                    + export.maxRows() + " rows: nothing was sent; raise its max-rows to send it whole");
        }
        Instant now = Instant.now();
        String base = export.filePrefix() + "_" + STAMP.format(now);
        Path dir = properties.workDir().resolve("exports").resolve(tenant.id());
        try {
            Files.createDirectories(dir);
            Path csv = dir.resolve(base + ".csv");
            String sha = writeCsv(csv, result);
            Path sha256 = dir.resolve(base + ".csv.sha256");
            Files.writeString(sha256, sha + "  " + csv.getFileName() + "\n", StandardCharsets.UTF_8);
            Path manifest = dir.resolve(base + ".manifest.json");
            ObjectNode m = json.createObjectNode().put("export", name).put("tenant", tenant.id())
                    .put("file", csv.getFileName().toString()).put("sha256", sha)
                    .put("rows", result.rows().size()).put("truncated", result.truncated())
                    .put("createdAt", now.toString());
            ArrayNode columns = m.putArray("columns");
            result.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type()));
            Files.writeString(manifest, json.writerWithDefaultPrettyPrinter().writeValueAsString(m),
                    StandardCharsets.UTF_8);
            return new ExportBatch(name, tenant.id(), csv.toFile(), sha256.toFile(), manifest.toFile(), sha,
                    result.rows().size(), result.truncated(), export.postToApi() ? payload(name, tenant.id(),
                    base, result) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String writeCsv(Path file, QueryResult result) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest);
             var printer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out, StandardCharsets.UTF_8)) {
            printer.writeRecord(result.columns().stream().map(QueryResult.ResultColumn::name).toList());
            for (List<Object> row : result.rows()) {
                printer.writeRecord(row.stream().map(v -> v == null ? "" : v.toString()).toList());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String payload(String name, String tenant, String batchId, QueryResult result) throws IOException {
        ObjectNode body = json.createObjectNode().put("export", name).put("tenant", tenant).put("batch", batchId);
        ArrayNode rows = body.putArray("rows");
        for (List<Object> row : result.rows()) {
            ObjectNode r = rows.addObject();
            for (int i = 0; i < row.size(); i++) {
                r.set(result.columns().get(i).name(), json.valueToTree(row.get(i)));
            }
        }
        return json.writeValueAsString(body);
    }
}
