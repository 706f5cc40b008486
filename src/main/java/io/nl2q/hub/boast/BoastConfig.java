package io.nl2q.hub.boast;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The BOAST exchange's shared state. */
@Configuration(proxyBeanMethods = false)
class BoastConfig {

    /**
     * Files already loaded, by name and SHA-256, in the app-state database that every replica shares (table from
     * Flyway V20). The route records a key only when its load succeeded, so a crash leaves the file to load again.
     */
    @Bean
    JdbcMessageIdRepository boastLoadedFiles(DataSource appState) {
        var repository = new JdbcMessageIdRepository(appState, "boast-inbound");
        repository.setTableName("boast_loaded_file");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
