package io.nl2q.hub.boast;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads a partner file into its tenant's table as its contract says: streamed record by record, each row
 * validated, the valid ones bulk-written in one transaction, the refused ones reported. A file with a wrong header,
 * no header, or too many bad rows loads nothing.
 */
@Component("boastLoader")
public class BoastLoader {
    private static final Logger LOG = LoggerFactory.getLogger(BoastLoader.class);
    /** RFC 4180; a row with too few or too many fields is the validator's to report, not a parse failure. */
    private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder().skipEmptyLines(true)
            .allowExtraFields(true).allowMissingFields(true);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final FileContracts contracts;
    private final WarehouseRegistry warehouses;
    private final BoastProperties properties;
    private final LoadProbe probe;

    BoastLoader(FileContracts contracts, WarehouseRegistry warehouses, BoastProperties properties, LoadProbe probe) {
        this.contracts = contracts;
        this.warehouses = warehouses;
        this.properties = properties;
        this.probe = probe;
    }

    /**
     * A file the route downloaded: {@code relativePath} is {@code <tenant>/outbox/<name>} below the exchange root.
     */
    public InboundFile receive(String relativePath, String localCopy) throws IOException {
        String normalized = relativePath.replace('\\', '/');
        String[] parts = normalized.split("/");
        String tenant = parts.length == 3 ? parts[0] : "";
        Path local = Path.of(localCopy);
        FileInspection inspection = FileInspection.of(local);
        return new InboundFile(tenant, parts[parts.length - 1], normalized, local, inspection.sha256(),
                inspection.size(), inspection.charset(), inspection.bom());
    }

    /** Where a handled file goes, below the exchange root: {@code <tenant>/<done|error>/<yyyyMMdd>/<name>}. */
    public String moveTo(InboundFile file, LoadOutcome outcome) {
        return dayFolder(file, outcome.folder()) + file.name();
    }

    /** A file that could not be loaded: nothing of it loaded, its report says {@code reason}. */
    LoadOutcome setAside(InboundFile file, String reason) {
        Path reportPath = reportPath(file);
        try (var report = new ErrorReport(reportPath, properties.maxReportedErrors())) {
            report.add(0, "", file.name(), reason);
            report.close();
            FileContract contract = contracts.forFile(file.name()).orElse(null);
            return LoadOutcome.rejected(file.name(), contract == null ? null : contract.name(),
                    contract == null ? null : contract.targetTable(), 0, 0, reason, report.path());
        }
    }

    private Path reportPath(InboundFile file) {
        return properties.workDir().resolve("reports").resolve(file.tenant()).resolve(file.name() + ".errors.csv");
    }

    /** A file already loaded with the same name and content is kept aside, not loaded again. */
    public String duplicateMoveTo(InboundFile file) {
        return dayFolder(file, "duplicate") + System.currentTimeMillis() + "_" + file.name();
    }

    /** Today's folder of {@code folder} (done, error, duplicate) of the file's tenant: {@code <tenant>/<folder>/<yyyyMMdd>/}. */
    private static String dayFolder(InboundFile file, String folder) {
        return file.tenant() + "/" + folder + "/" + LocalDate.now().format(DAY) + "/";
    }

    public LoadOutcome load(InboundFile file) {
        Path reportPath = reportPath(file);
        try {
            Files.deleteIfExists(reportPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var report = new ErrorReport(reportPath, properties.maxReportedErrors())) {
            LoadOutcome outcome = load(file, report);
            report.close();
            LoadOutcome withReport = outcome.withReport(report.path());
            LOG.info("BOAST file {} of tenant {}: {} ({} rows read, {} loaded, {} bad){}", file.name(),
                    file.tenant(), outcome.status(), outcome.rowsRead(), outcome.rowsLoaded(), outcome.badRows(),
                    outcome.reason() == null ? "" : ": " + outcome.reason());
            return withReport;
        }
    }

    private LoadOutcome load(InboundFile file, ErrorReport report) {
        FileContract contract = contracts.forFile(file.name()).orElse(null);
        if (contract == null) {
            return refuse(file, null, report, "no contract for this file name");
        }
        TenantWarehouse warehouse;
        try {
            warehouse = warehouses.forTenant(file.tenant());
        } catch (HubException e) {
            return refuse(file, contract, report, "unknown tenant folder '" + file.tenant() + "'");
        }
        try (InputStream in = Files.newInputStream(file.localCopy())) {
            if (file.bom()) {
                in.skipNBytes(3);
            }
            var reader = new InputStreamReader(in, file.charset());
            try (CsvReader<CsvRecord> parser = CSV.ofCsvRecord(reader)) {
                Iterator<CsvRecord> records = parser.iterator();
                if (!hasHeader(records)) {
                    return refuse(file, contract, report, "empty file: no header");
                }
                Map<String, Integer> header = header(records.next());
                if (header == null || !header.keySet().equals(contract.header())) {
                    String expected = String.join(",", contract.columns().stream().map(c -> c.name()).toList());
                    report.add(1, "", header == null ? "" : String.join(",", header.keySet()),
                            "header must name the columns " + expected + " (any order, each once)");
                    return LoadOutcome.rejected(file.name(), contract.name(), contract.targetTable(), 0, 0,
                            "wrong header", null);
                }
                return load(file, contract, warehouse, header, records, report);
            } catch (ValidatedRows.MalformedFile e) {
                report.add(e.row(), "", "", e.getMessage());
                return LoadOutcome.rejected(file.name(), contract.name(), contract.targetTable(), e.row() - 1, 0,
                        "malformed CSV at row " + e.row() + ": " + e.getMessage(), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + file.name() + " into " + contract.targetTable() + " of "
                    + file.tenant() + " failed: " + e.getMessage(), e);
        }
    }

    private LoadOutcome load(InboundFile file, FileContract contract, TenantWarehouse warehouse,
                             Map<String, Integer> header, Iterator<CsvRecord> records, ErrorReport report)
            throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = warehouse.writer().getConnection()) {
            String schema = warehouse.tenant().schema();
            var validator = new RowValidator(contract, header, lookups(connection, warehouse, contract));
            try (StagedLoad staged = StagedLoad.open(warehouse.dialect(), connection, schema, contract,
                    stagingTypes(contract, warehouse.dialect()), file.name());
                 var rows = new ValidatedRows(records, validator, report, file.name())) {
                long[] written = {0};
                rows.forEach(row -> {
                    staged.row(row);
                    probe.staged(file.name(), ++written[0]);
                });
                long stagedAt = System.nanoTime();
                long bad = rows.bad();
                long total = rows.good() + bad;
                if (total > 0 && (double) bad / total > properties.maxBadRowShare()) {
                    return LoadOutcome.rejected(file.name(), contract.name(), contract.targetTable(), total, bad,
                            String.format(Locale.ROOT, "%d of %d rows bad, more than the %.1f%% allowed", bad,
                                    total, properties.maxBadRowShare() * 100), null);
                }
                long merged = staged.commit();
                LOG.info("BOAST file {}: parsed, checked and staged in {} ms, merged into {} in {} ms",
                        file.name(), (stagedAt - started) / 1_000_000, contract.targetTable(),
                        (System.nanoTime() - stagedAt) / 1_000_000);
                return LoadOutcome.loaded(file.name(), contract.name(), contract.targetTable(), total, merged, bad);
            }
        }
    }

    /** Whether the file has a first record; a quote left open in it refuses the file at row 1. */
    private static boolean hasHeader(Iterator<CsvRecord> records) {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw new ValidatedRows.MalformedFile(1, e);
        }
    }

    private LoadOutcome refuse(InboundFile file, FileContract contract, ErrorReport report, String reason) {
        report.add(0, "", file.name(), reason);
        return LoadOutcome.rejected(file.name(), contract == null ? null : contract.name(),
                contract == null ? null : contract.targetTable(), 0, 0, reason, null);
    }

    /** Column name to position; null when a name repeats. Names are trimmed and compared in lower case. */
    private static Map<String, Integer> header(CsvRecord record) {
        var positions = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (positions.put(record.getField(i).trim().toLowerCase(Locale.ROOT), i) != null) {
                return null;
            }
        }
        return positions;
    }

    /** The reference values every lookup of the contract needs, read once per file from the tenant. */
    private static Map<String, Map<String, String>> lookups(Connection connection, TenantWarehouse warehouse,
                                                            FileContract contract) throws SQLException {
        var maps = new HashMap<String, Map<String, String>>();
        for (FileContract.Column column : contract.columns()) {
            FileContract.Lookup lookup = column.lookup();
            if (lookup == null) {
                continue;
            }
            String sql = "SELECT " + lookup.match() + ", " + lookup.value() + " FROM "
                    + StagedLoad.table(warehouse.dialect(), warehouse.tenant().schema(), lookup.table());
            var map = new HashMap<String, String>();
            try (var s = connection.createStatement(); var rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    map.put(lookup.normalize(rs.getString(1)), rs.getString(2));
                }
            }
            maps.put(column.name(), map);
        }
        return maps;
    }

    /** The staging table's column types in the warehouse's own terms (SQL Server has no BOOLEAN, for one). */
    private static List<String> stagingTypes(FileContract contract, SqlDialect dialect) {
        var types = new ArrayList<String>();
        for (FileContract.Column c : contract.columns()) {
            int length = c.maxLength() == null ? 0 : c.maxLength();
            types.add(dialect.columnType(c.lookup() != null ? SqlDialect.ColumnType.VARCHAR : switch (c.type()) {
                case STRING -> SqlDialect.ColumnType.VARCHAR;
                case INTEGER -> SqlDialect.ColumnType.INTEGER;
                case DATE -> SqlDialect.ColumnType.DATE;
                case BOOLEAN -> SqlDialect.ColumnType.BOOLEAN;
            }, c.lookup() != null ? 0 : length));
        }
        return types;
    }

    /** The contracts' target tables (for operators and events). */
    List<String> tables() {
        return List.copyOf(new TreeSet<>(contracts.all().stream().map(FileContract::targetTable).toList()));
    }
}
