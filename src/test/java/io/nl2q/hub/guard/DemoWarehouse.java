package io.nl2q.hub.guard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An in-memory DuckDB with the warehouse-schema.md tables in two tenant schemas. Every text value of globex carries
 * {@link #GLOBEX_MARK} and every globex count is {@link #GLOBEX_NUMBER}, so a leak shows in any result.
 */
final class DemoWarehouse {
    static final String GLOBEX_MARK = "GLOBEX-ONLY";
    static final String GLOBEX_NUMBER = "777777";

    private DemoWarehouse() {
    }

    static Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            for (String schema : new String[] {"acme", "globex"}) {
                statement.execute("CREATE SCHEMA " + schema);
                for (String ddl : ddl(schema)) {
                    statement.execute(ddl);
                }
            }
            seed(statement, "acme", "", "3");
            seed(statement, "globex", GLOBEX_MARK + "-", GLOBEX_NUMBER);
        }
        return connection;
    }

    private static String[] ddl(String s) {
        return new String[] {
            "CREATE TABLE " + s + ".territory (territory_id VARCHAR PRIMARY KEY, territory_name VARCHAR, region VARCHAR,"
                    + " state VARCHAR, rep_name VARCHAR)",
            "CREATE TABLE " + s + ".hcp (hcp_id VARCHAR PRIMARY KEY, npi VARCHAR, first_name VARCHAR, last_name VARCHAR,"
                    + " full_name VARCHAR, specialty VARCHAR, decile INTEGER, city VARCHAR, state VARCHAR,"
                    + " territory_id VARCHAR, crm_account_id VARCHAR)",
            "CREATE TABLE " + s + ".product (product_id VARCHAR PRIMARY KEY, product_name VARCHAR, molecule VARCHAR,"
                    + " market VARCHAR, manufacturer VARCHAR, is_promoted BOOLEAN)",
            "CREATE TABLE " + s + ".payer (payer_id VARCHAR PRIMARY KEY, payer_name VARCHAR, channel VARCHAR)",
            "CREATE TABLE " + s + ".rx_weekly (week_ending DATE, hcp_id VARCHAR, product_id VARCHAR, payer_id VARCHAR,"
                    + " trx INTEGER, nrx INTEGER, units INTEGER)",
            "CREATE TABLE " + s + ".call_activity (call_id VARCHAR, call_date DATE, hcp_id VARCHAR, territory_id VARCHAR,"
                    + " product_id VARCHAR, channel VARCHAR, duration_min INTEGER, crm_call_id VARCHAR)",
            "CREATE TABLE " + s + ".hcp_target (hcp_id VARCHAR, product_id VARCHAR, tier VARCHAR, effective_date DATE,"
                    + " source_file VARCHAR)",
            "CREATE TABLE " + s + ".formulary (payer_id VARCHAR, product_id VARCHAR, status VARCHAR, prior_auth BOOLEAN,"
                    + " effective_date DATE, source_file VARCHAR)"};
    }

    /** {@code m} prefixes every text value; {@code n} is the volume used for counts. */
    private static void seed(Statement st, String s, String m, String n) throws SQLException {
        st.execute("INSERT INTO " + s + ".territory VALUES ('" + m + "T01', '" + m + "Boston', '" + m + "Northeast', 'MA', '"
                + m + "Rep One'), ('" + m + "T02', '" + m + "Seattle', '" + m + "West', 'WA', '" + m + "Rep Two')");
        st.execute("INSERT INTO " + s + ".hcp VALUES ('" + m + "H1', '" + m + "1000000001', '" + m + "Ann', '" + m + "Lee', '"
                + m + "Ann Lee', '" + m + "Endocrinology', 10, '" + m + "Boston', 'MA', '" + m + "T01', NULL), ('" + m
                + "H2', '" + m + "1000000002', '" + m + "Bo', '" + m + "Kim', '" + m + "Bo Kim', '" + m
                + "Family Medicine', 4, '" + m + "Seattle', 'WA', '" + m + "T02', '" + m + "001A')");
        st.execute("INSERT INTO " + s + ".product VALUES ('" + m + "P01', '" + m + "Tirosint', '" + m + "levothyroxine', '"
                + m + "Hypothyroidism', '" + m + "IBSA', true), ('" + m + "P03', '" + m + "Synthroid', '" + m
                + "levothyroxine', '" + m + "Hypothyroidism', '" + m + "AbbVie', false)");
        st.execute("INSERT INTO " + s + ".payer VALUES ('" + m + "Y1', '" + m + "UnitedHealthcare', '" + m + "Commercial'),"
                + " ('" + m + "Y8', '" + m + "Cash', '" + m + "Cash')");
        st.execute("INSERT INTO " + s + ".rx_weekly VALUES (DATE '2025-12-19', '" + m + "H1', '" + m + "P01', '" + m
                + "Y1', " + n + ", 1, " + n + "), (DATE '2025-12-26', '" + m + "H1', '" + m + "P03', '" + m + "Y8', " + n
                + ", 2, " + n + "), (DATE '2024-12-27', '" + m + "H2', '" + m + "P01', '" + m + "Y1', " + n + ", 0, " + n + ")");
        st.execute("INSERT INTO " + s + ".call_activity VALUES ('" + m + "C1', DATE '2025-12-22', '" + m + "H1', '" + m
                + "T01', '" + m + "P01', '" + m + "In-Person', " + n + ", NULL), ('" + m + "C2', DATE '2025-12-23', '" + m
                + "H2', '" + m + "T02', '" + m + "P01', '" + m + "Email', 0, '" + m + "a0B')");
        st.execute("INSERT INTO " + s + ".hcp_target VALUES ('" + m + "H1', '" + m + "P01', '" + m + "A', DATE '2025-01-01', '"
                + m + "targets.csv')");
        st.execute("INSERT INTO " + s + ".formulary VALUES ('" + m + "Y1', '" + m + "P01', '" + m + "Preferred', false,"
                + " DATE '2025-01-01', '" + m + "formulary.csv')");
    }
}
