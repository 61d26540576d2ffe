package dev.vigil.server.monitoring;

import java.util.Map;
import java.util.function.Function;

import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The monitor change kinds: each needs one approval by another holder of {@code change:approve}. */
@Configuration
class MonitorChangeKinds {

    @Bean
    ChangeKind monitorCreate(@Lazy MonitorService monitors) {
        return kind(MonitorService.CREATE, monitors::applyCreate);
    }

    @Bean
    ChangeKind monitorUpdate(@Lazy MonitorService monitors) {
        return kind(MonitorService.UPDATE, monitors::applyUpdate);
    }

    @Bean
    ChangeKind monitorRollback(@Lazy MonitorService monitors) {
        return kind(MonitorService.ROLLBACK, monitors::applyUpdate);
    }

    @Bean
    ChangeKind monitorDelete(@Lazy MonitorService monitors) {
        return kind(MonitorService.DELETE, monitors::applyDelete);
    }

    @Bean
    ChangeKind monitorImport(@Lazy MonitorService monitors) {
        return kind(MonitorService.IMPORT, monitors::applyImport);
    }

    private static ChangeKind kind(String name, Function<ChangeView, Map<String, Object>> apply) {
        return ChangeKind.oneApprover(name, MonitorService.EXPIRY, apply);
    }
}
