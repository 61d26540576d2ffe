package dev.vigil.detect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.engine.SkippedRule;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaProblem;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil sigma check PATH...}: parses every rule file and lists each problem as file:line: reason. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Parse Sigma rule files and report every error or unsupported construct.",
                "Exit status: 0 all valid, 1 problems found, 2 a path cannot be read."})
public final class SigmaCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule file or folder (searched recursively for .yml/.yaml).")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try {
            files = RuleFiles.expand(paths);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        SigmaRuleParser parser = new SigmaRuleParser();
        List<SigmaRule> rules = new ArrayList<>();
        int problems = 0;
        int documents = 0;
        for (Path file : files) {
            SigmaDocuments parsed = parser.parse(file);
            for (SigmaProblem problem : parsed.problems()) {
                out.println(problem);
                problems++;
            }
            rules.addAll(parsed.rules());
            documents += parsed.rules().size() + parsed.correlations().size() + parsed.filters().size();
        }
        // placeholder rules are valid Sigma; they only need values at evaluation time
        int needPlaceholders = 0;
        for (SkippedRule skipped : RuleSet.compile(rules, LogSourceMapping.none()).skipped()) {
            err.println("note: " + skipped.rule().source() + ":" + skipped.rule().line() + ": " + skipped.detail()
                    + " (valid; give values with 'vigil detect --placeholders')");
            needPlaceholders++;
        }
        err.printf("checked %d files: %d valid documents, %d problems, %d rules need placeholder values%n",
                files.size(), documents, problems, needPlaceholders);
        out.flush();
        err.flush();
        return problems == 0 ? 0 : 1;
    }
}
