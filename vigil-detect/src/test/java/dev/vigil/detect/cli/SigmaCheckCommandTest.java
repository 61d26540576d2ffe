package dev.vigil.detect.cli;

import static dev.vigil.detect.cli.DetectCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.testkit.Corpus;

class SigmaCheckCommandTest {

    @Test
    void listsEachProblemWithFileAndLineAndExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yml"), "title: ok\nlogsource: {product: windows}\n"
                + "detection: {sel: {A: 1}, condition: sel}\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("bad.yaml"), "title: bad\nlogsource: {product: windows}\n"
                + "detection:\n  sel:\n    A|nope: 1\n  condition: sel\n");
        Files.writeString(dir.resolve("ignored.txt"), "not a rule");
        DetectCommandTest.Run result = run(new SigmaCommand(), "check", dir.toString());
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out().strip()).isEqualTo(dir.resolve("sub").resolve("bad.yaml") + ":5: unknown modifier 'nope'");
        assertThat(result.err()).contains("checked 2 files: 1 valid documents, 1 problems");
    }

    @Test
    void validRulesExitZero(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yml"), "title: ok\nlogsource: {product: windows}\n"
                + "detection: {sel: {A: 1}, condition: sel}\n");
        assertThat(run(new SigmaCommand(), "check", dir.toString()).status()).isZero();
        assertThat(run(new SigmaCommand(), "check", dir.resolve("missing").toString()).status()).isEqualTo(2);
        assertThat(run(new SigmaCommand()).status()).isEqualTo(2);
    }

    @Test
    void acceptsTheValueAggregateCorrelationsOfTheSpecification() {
        Path examples = Corpus.require("sigma").resolve("spec-examples").resolve("correlation");
        for (String type : new String[] {"value_sum", "value_avg", "value_percentile"}) {
            DetectCommandTest.Run result = run(new SigmaCommand(), "check", examples.resolve(type + ".yml").toString());
            assertThat(result.status()).as(result.out()).isZero();
        }
    }

    @Test
    void thePublicRuleSetChecksClean() {
        Path rules = Corpus.require("sigma").resolve("rules");
        DetectCommandTest.Run result = run(new SigmaCommand(), "check", rules.toString());
        assertThat(result.out()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.err()).contains("checked 3780 files: 3780 valid documents, 0 problems, 25 rules need placeholder");
    }
}
