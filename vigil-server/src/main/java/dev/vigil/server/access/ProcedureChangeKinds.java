package dev.vigil.server.access;

import dev.vigil.server.approval.ChangeKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The procedure template change kinds: each needs one approval by another holder of {@code change:approve}. */
@Configuration
class ProcedureChangeKinds {

    @Bean
    ChangeKind procedureCreate(@Lazy ProcedureService procedures) {
        return ChangeKind.oneApprover(ProcedureService.CREATE, ProcedureService.EXPIRY, procedures::applyCreate);
    }

    @Bean
    ChangeKind procedureUpdate(@Lazy ProcedureService procedures) {
        return ChangeKind.oneApprover(ProcedureService.UPDATE, ProcedureService.EXPIRY, procedures::applyUpdate);
    }
}
