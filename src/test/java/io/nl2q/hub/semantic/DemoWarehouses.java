package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.DemoDataCommand;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small demo warehouse the engine's tests and the eval run on: generated once by the warehouse team's
 * deterministic generator (scale 0.05, seed 42: about 17 MB, 2 s) and reused while it exists.
 */
public final class DemoWarehouses {
    public static final String SCHEMA = "acme";

    private DemoWarehouses() {
    }

    public static synchronized Path acme() throws Exception {
        // named like the hub's own files: a file named after the schema would make "acme.x" ambiguous in DuckDB
        Path file = Path.of("target/semantic/warehouse-" + SCHEMA + ".duckdb");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            DemoDataCommand.main(new String[] {"--out", file.toString(), "--schema", SCHEMA, "--scale", "0.05",
                    "--seed", "42"});
        }
        if (!filled) {
            fillPartnerTables(file, SCHEMA);
            filled = true;
        }
        return file;
    }

    private static boolean filled;

    /**
     * The generator leaves the BOAST tables (hcp_target, formulary) empty: fills them deterministically from the
     * generated HCPs, products and payers (replacing what is there), so questions about targets and formulary status
     * have non-trivial answers. Tirosint (P01) targets Endocrinology and Family Medicine (tier by decile), Flector
     * (P10) Rheumatology and Pain Medicine; every payer has a formulary row for every product; all effective
     * 2025-01-01.
     */
    public static void fillPartnerTables(Path file, String schema) throws Exception {
        String s = schema + ".";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + s + "hcp_target");
            st.execute("DELETE FROM " + s + "formulary");
            st.execute("INSERT INTO " + s + "hcp_target SELECT hcp_id, 'P01', CASE WHEN decile >= 8 THEN 'A' "
                    + "WHEN decile >= 5 THEN 'B' ELSE 'C' END, DATE '2025-01-01', 'hcp_targets_20250101.csv' FROM "
                    + s + "hcp WHERE specialty IN ('Endocrinology', 'Family Medicine')");
            st.execute("INSERT INTO " + s + "hcp_target SELECT hcp_id, 'P10', CASE WHEN decile >= 7 THEN 'A' "
                    + "ELSE 'B' END, DATE '2025-01-01', 'hcp_targets_20250101.csv' FROM " + s
                    + "hcp WHERE specialty IN ('Rheumatology', 'Pain Medicine')");
            String y = "CAST(substr(y.payer_id, 2) AS INTEGER)";
            String p = "CAST(substr(p.product_id, 2) AS INTEGER)";
            st.execute("INSERT INTO " + s + "formulary SELECT y.payer_id, p.product_id, CASE (" + y + " * 2 + " + p
                    + ") % 3 WHEN 0 THEN 'Preferred' WHEN 1 THEN 'Covered' ELSE 'Not Covered' END, (" + y + " + "
                    + p + ") % 2 = 0, DATE '2025-01-01', 'formulary_20250101.csv' FROM " + s + "payer y, " + s
                    + "product p");
        }
    }
}
