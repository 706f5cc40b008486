package io.nl2q.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.reports.SavedQuestions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The backup and restore procedure of the README ("Running in production"), run for real: the app state (audit
 * chain, saved questions, schedules, watermarks, keys...) is backed up, the database is lost, the backup is restored
 * into a fresh database, and there the saved question is found, the audit chain verifies and goes on.
 * PostgreSQL (prod) with {@code pg_dump -Fc} / {@code pg_restore}; the embedded H2 default with {@code SCRIPT} /
 * {@code RUNSCRIPT}.
 */
class AppStateBackupTest {
    private static final Path WORK = Path.of("target/test-data/backup");

    @Test
    void postgresAppStateSurvivesPgDumpAndPgRestoreIntoAFreshDatabase() throws Exception {
        Files.createDirectories(WORK);
        Path dump = WORK.resolve("hub-state.dump");
        Files.deleteIfExists(dump);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE hub_state");
            SingleConnectionDataSource state = pg(postgres, "hub_state");
            fill(state);
            state.destroy();

            run("pg_dump", "-Fc", "-h", "127.0.0.1", "-p", String.valueOf(postgres.getPort()), "-U", "postgres",
                    "-d", "hub_state", "-f", dump.toString());
            JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
            admin.execute("DROP DATABASE hub_state"); // the app-state database is lost
            admin.execute("CREATE DATABASE hub_state_restored");
            run("pg_restore", "-h", "127.0.0.1", "-p", String.valueOf(postgres.getPort()), "-U", "postgres",
                    "-d", "hub_state_restored", "--no-owner", "--exit-on-error", dump.toString());

            SingleConnectionDataSource restored = pg(postgres, "hub_state_restored");
            checkRestored(restored);
            restored.destroy();
        }
    }

    @Test
    void embeddedH2AppStateSurvivesScriptAndRunscriptIntoAFreshDatabase() throws Exception {
        Files.createDirectories(WORK);
        Path script = WORK.resolve("hub-state.sql.gz").toAbsolutePath();
        Files.deleteIfExists(script);
        JdbcDataSource original = h2("backup-original");
        try (var keep = original.getConnection()) { // an in-memory database lives while a connection is open
            fill(original);
            new JdbcTemplate(original).execute("SCRIPT TO '" + script + "' COMPRESSION GZIP");
        } // the app-state database is lost
        assertThat(Files.size(script)).isPositive();

        JdbcDataSource fresh = h2("backup-restored");
        try (var keep = fresh.getConnection()) {
            new JdbcTemplate(fresh).execute("RUNSCRIPT FROM '" + script + "' COMPRESSION GZIP");
            checkRestored(fresh);
        }
    }

    /** What the hub keeps: a tenant, a saved question, an audit chain of five entries. */
    private static void fill(DataSource state) {
        assertThat(flyway(state).migrate().success).isTrue();
        JdbcTemplate jdbc = new JdbcTemplate(state);
        jdbc.update("INSERT INTO tenant (tenant_id, name, schema_name, created_at) "
                + "VALUES ('acme', 'ACME', 'acme', CURRENT_TIMESTAMP)");
        savedQuestions(jdbc).save("acme", "weekly_writers", "How many prescribers wrote last week?",
                null);
        AuditChain chain = chain(state);
        for (int i = 0; i < 5; i++) {
            chain.append(entry("q-" + i));
        }
        assertThat(new AuditVerifier(state).verify("acme").intact()).isTrue();
    }

    private static void checkRestored(DataSource restored) {
        // the schema history came along: nothing to migrate, nothing out of place
        assertThat(flyway(restored).migrate().migrationsExecuted).isZero();
        assertThat(savedQuestions(new JdbcTemplate(restored)).find("acme", "weekly_writers"))
                .hasValueSatisfying(q -> assertThat(q.question()).isEqualTo("How many prescribers wrote last week?"));
        ChainVerification verified = new AuditVerifier(restored).verify("acme");
        assertThat(verified.intact()).as(String.valueOf(verified.reason())).isTrue();
        assertThat(verified.entries()).isEqualTo(5);
        // the chain's head came along too: the next entry links to the last restored one
        assertThat(chain(restored).append(entry("after-restore")).tenantSeq()).isEqualTo(6);
        assertThat(new AuditVerifier(restored).verify("acme").intact()).isTrue();
    }

    private static AuditChain.NewEntry entry(String correlationId) {
        return AuditChain.NewEntry.of("acme", correlationId, "analyst@acme", "query", "ok")
                .question("How many prescribers?")
                .sql("SELECT COUNT(*) FROM hcp")
                .engine("duckdb")
                .rows(1)
                .elapsedMs(12)
                .client("127.0.0.1", "test")
                .guardVerdict("allowed")
                .build();
    }

    private static AuditChain chain(DataSource state) {
        return new AuditChain(new JdbcTemplate(state), new DataSourceTransactionManager(state));
    }

    private static SavedQuestions savedQuestions(JdbcTemplate jdbc) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(SavedQuestions.class, jdbc);
            context.refresh();
            return context.getBean(SavedQuestions.class);
        }
    }

    private static Flyway flyway(DataSource state) {
        return Flyway.configure().dataSource(state).locations("classpath:db/migration").load();
    }

    private static SingleConnectionDataSource pg(EmbeddedPostgres postgres, String database) {
        SingleConnectionDataSource ds = new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", database),
                true);
        return ds;
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name);
        return h2;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(WORK.resolve(command[0] + ".log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(WORK.resolve(command[0] + ".log"))).isZero();
    }
}
