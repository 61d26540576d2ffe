package dev.vigil.vuln.ssvc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsvcDecisionTest {

    @Test
    void everyRowOfCisaCoordinatorTableMatches() throws IOException {
        Path table = Corpus.require("ssvc").resolve("decision-tables/cisa_coordinator_2_0_3.csv");
        List<String> lines = Files.readAllLines(table);
        List<String> failures = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            CisaLevel outcome = SsvcDecision.parse(f[1], f[2], f[3], f[4]).outcome();
            if (!outcome.label().equalsIgnoreCase(f[5])) {
                failures.add(line + " -> " + outcome);
            }
        }
        assertThat(lines).hasSize(37);
        assertThat(failures).isEmpty();
    }

    @Test
    void cisaAdpTriplesGiveTheExpectedOutcomeForEveryMissionLevel() throws IOException {
        Path file = Corpus.require("ssvc").resolve("cisa-adp-vulnrichment-ssvc.csv");
        List<String> lines = Files.readAllLines(file);
        List<String> failures = new ArrayList<>();
        String[] levels = {"low", "medium", "high"};
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            for (int i = 0; i < 3; i++) {
                CisaLevel outcome = SsvcDecision.parse(f[1], f[2], f[3], levels[i]).outcome();
                if (!outcome.label().equalsIgnoreCase(f[6 + i])) {
                    failures.add(f[0] + " " + levels[i] + " -> " + outcome + " expected " + f[6 + i]);
                }
            }
        }
        assertThat(lines).hasSize(841);
        assertThat(failures).isEmpty();
    }

    @Test
    void extremesOfTheTree() {
        assertThat(new SsvcDecision(Exploitation.ACTIVE, Automatable.YES, TechnicalImpact.TOTAL,
                MissionWellbeing.HIGH).outcome()).isEqualTo(CisaLevel.ACT);
        assertThat(new SsvcDecision(Exploitation.NONE, Automatable.NO, TechnicalImpact.PARTIAL,
                MissionWellbeing.LOW).outcome()).isEqualTo(CisaLevel.TRACK);
        assertThat(SsvcDecision.parse("none", "no", "total", "high").outcome().label()).isEqualTo("Track*");
    }

    @Test
    void normalisesMixedCaseAndAbbreviations() {
        assertThat(Exploitation.parse(" PoC ")).isEqualTo(Exploitation.PUBLIC_POC);
        assertThat(Exploitation.parse("Public_PoC")).isEqualTo(Exploitation.PUBLIC_POC);
        assertThat(Automatable.parse("Yes")).isEqualTo(Automatable.YES);
        assertThat(TechnicalImpact.parse("TOTAL")).isEqualTo(TechnicalImpact.TOTAL);
    }

    @Test
    void rejectsUnknownValuesNamingTheDecisionPointAndAllowedValues() {
        assertThatThrownBy(() -> Exploitation.parse("weaponized"))
                .isInstanceOf(InvalidSsvcValueException.class)
                .hasMessage("invalid Exploitation 1.1.0 value 'weaponized' (allowed: none, public poc, active)");
        assertThatThrownBy(() -> MissionWellbeing.parse(null)).isInstanceOf(InvalidSsvcValueException.class);
    }
}
