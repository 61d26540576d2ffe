package dev.vigil.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The server's features keep their module boundaries; the libraries stay free of Spring. */
class ModularityTest {

    private static final String[] LIBRARIES = {"dev.vigil.ledger..", "dev.vigil.detect..", "dev.vigil.vuln..", "dev.vigil.intel..",
            "dev.vigil.monitor..", "dev.vigil.bastion..", "dev.vigil.cli.."};

    @Test
    void featuresRespectModuleBoundaries() {
        ApplicationModules modules = ApplicationModules.of(VigilApplication.class);
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .contains("dev.vigil.server.identity", "dev.vigil.server.audit", "dev.vigil.server.platform");
        modules.verify();
    }

    @Test
    void librariesNeverDependOnSpring() {
        JavaClasses libraries = new ClassFileImporter().importPackages("dev.vigil.ledger", "dev.vigil.detect", "dev.vigil.vuln",
                "dev.vigil.intel", "dev.vigil.monitor", "dev.vigil.bastion", "dev.vigil.cli");
        assertThat(libraries).as("library classes found on the class path").isNotEmpty();
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the libraries are plain Java usable without the server")
                .check(libraries);
    }
}
