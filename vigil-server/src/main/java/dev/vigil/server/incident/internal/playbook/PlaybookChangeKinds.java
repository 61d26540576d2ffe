package dev.vigil.server.incident.internal.playbook;

import java.util.Map;
import java.util.function.Function;

import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The playbook change kinds: each needs one approval by another holder of {@code change:approve}. */
@Configuration
class PlaybookChangeKinds {

    @Bean
    ChangeKind playbookCreate(@Lazy PlaybookService playbooks) {
        return kind(PlaybookService.CREATE, playbooks::applyCreate);
    }

    @Bean
    ChangeKind playbookUpdate(@Lazy PlaybookService playbooks) {
        return kind(PlaybookService.UPDATE, playbooks::applyUpdate);
    }

    @Bean
    ChangeKind playbookDelete(@Lazy PlaybookService playbooks) {
        return kind(PlaybookService.DELETE, playbooks::applyDelete);
    }

    private static ChangeKind kind(String name, Function<ChangeView, Map<String, Object>> apply) {
        return ChangeKind.oneApprover(name, PlaybookService.EXPIRY, apply);
    }
}
