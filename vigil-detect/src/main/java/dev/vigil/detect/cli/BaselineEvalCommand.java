package dev.vigil.detect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.vigil.detect.baseline.eval.BaselineEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil detect baseline-eval}: the reproducible evaluation of the detectors on the corpus auth log with injected
 * attacks; prints the precision and recall table of docs/DETECTION.md.
 */
@Command(name = "baseline-eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the Sigma correlations and learned baselines on a real sshd auth log with attacks "
                + "injected from a seed (brute force, credential stuffing, new-network logins, exfiltration).",
                "Prints a Markdown table of recall and precision per scenario and detector.",
                "Exit status: 0 success, 2 the log cannot be read."})
public final class BaselineEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The shared corpus folder (holds linux-logs/); "
            + "default: system property vigil.corpus.dir, else ../shared/corpus.")
    Path corpus;

    @Option(names = "--auth-log", paramLabel = "FILE",
            description = "The auth log (default: <corpus>/linux-logs/elastic-auth-log/auth.log).")
    Path authLog;

    @Option(names = "--year", defaultValue = "2017", paramLabel = "YEAR", description = "Year of the log lines.")
    int year;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the synthetic data.")
    long seed;

    @Option(names = "--instances", defaultValue = "20", paramLabel = "N",
            description = "Attack instances injected per scenario.")
    int instances;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path log = authLog;
        if (log == null) {
            Path root = corpus != null ? corpus : Path.of(System.getProperty("vigil.corpus.dir", "../shared/corpus"));
            log = BaselineEvaluation.Settings.defaults(root).authLog();
        }
        if (!Files.isReadable(log)) {
            err.println("error: cannot read " + log + " (give --corpus or --auth-log)");
            err.flush();
            return 2;
        }
        try {
            BaselineEvaluation.Result result = BaselineEvaluation.run(
                    new BaselineEvaluation.Settings(log, year, seed, instances));
            out.printf("auth log %s: %d sshd login outcomes, %d synthetic transfers; seed %d, %d instances per "
                    + "scenario%n%n", log, result.realLogins(), result.backgroundTransfers(), seed, instances);
            out.print(BaselineEvaluation.markdown(result));
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
