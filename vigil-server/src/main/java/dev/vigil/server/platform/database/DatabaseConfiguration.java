package dev.vigil.server.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One SQL dialect everywhere: the embedded PostgreSQL under the data folder by default, an external PostgreSQL when
 * {@code vigil.database.url} is set. Flyway migrates either at start.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${vigil.database.url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgresServer(VigilProperties properties) {
        return EmbeddedPostgresServer.start(properties.resolvedDataDir());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(VigilProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        VigilProperties.Database database = properties.database();
        if (database.embedded()) {
            config.setJdbcUrl(embedded.getObject().jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(database.url());
            if (!database.username().isBlank()) {
                config.setUsername(database.username());
            }
            if (!database.password().isBlank()) {
                config.setPassword(database.password());
            }
        }
        config.setMaximumPoolSize(database.poolSize());
        config.setPoolName("vigil");
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }
}
