package dev.vigil.server.access;

import java.util.Map;
import java.util.function.Function;

import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The command template change kinds: each needs one approval by another holder of {@code change:approve}. */
@Configuration
class CommandTemplateChangeKinds {

    @Bean
    ChangeKind commandTemplateCreate(@Lazy CommandTemplateService templates) {
        return kind(CommandTemplateService.CREATE, templates::applyCreate);
    }

    @Bean
    ChangeKind commandTemplateUpdate(@Lazy CommandTemplateService templates) {
        return kind(CommandTemplateService.UPDATE, templates::applyUpdate);
    }

    @Bean
    ChangeKind commandTemplateDelete(@Lazy CommandTemplateService templates) {
        return kind(CommandTemplateService.DELETE, templates::applyDelete);
    }

    private static ChangeKind kind(String name, Function<ChangeView, Map<String, Object>> apply) {
        return ChangeKind.oneApprover(name, CommandTemplateService.EXPIRY, apply);
    }
}
