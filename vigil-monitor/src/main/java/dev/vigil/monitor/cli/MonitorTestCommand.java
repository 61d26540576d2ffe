package dev.vigil.monitor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.vigil.monitor.ruletest.RuleTestFile;
import dev.vigil.monitor.ruletest.RuleTestFileLoader;
import dev.vigil.monitor.ruletest.RuleTestRunner;
import dev.vigil.monitor.ruletest.TestGroupResult;
import dev.vigil.monitor.yaml.YamlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil monitor test FILE...}: runs promtool-format rule tests through Vigil's engine. Prints one line per
 * test group and {@code N passed, N failed}; exits 0 if all pass, 1 if any fails, 2 if a file is unreadable or invalid.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run rule unit tests (promtool test rules format) through Vigil's rule engine.",
                "Exit status: 0 all passed, 1 a test failed, 2 a file is unreadable or invalid."})
public final class MonitorTestCommand implements Callable<Integer> {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule-test files (YAML).")
    List<Path> files;

    public MonitorTestCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int passed = 0;
        int failed = 0;
        boolean invalid = false;
        for (Path file : files) {
            List<TestGroupResult> results;
            try {
                RuleTestFile tests = RuleTestFileLoader.load(file);
                results = RuleTestRunner.run(tests);
            } catch (YamlException e) {
                err.println("error: " + e.getMessage());
                invalid = true;
                continue;
            } catch (RuntimeException e) {
                // Input the loader did not anticipate: report it plainly rather than as a stack trace.
                err.println("error: " + file + ": cannot run tests: " + e);
                invalid = true;
                continue;
            }
            for (TestGroupResult r : results) {
                if (r.passed()) {
                    passed++;
                    out.println("PASS " + file + ": " + oneLine(r.name()));
                } else {
                    failed++;
                    out.println("FAIL " + file + ": " + oneLine(r.name()) + ": " + oneLine(String.join(" | ", r.failures())));
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return invalid ? INVALID : failed > 0 ? FAILED : PASSED;
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
