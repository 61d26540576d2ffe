package dev.vigil.vuln.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.vigil.vuln.cvss.CvssCalculator;
import dev.vigil.vuln.cvss.CvssScore;
import dev.vigil.vuln.cvss.InvalidCvssVectorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil cvss VECTOR...}: prints each vector's base score and severity; invalid vectors go to stderr. */
@Command(name = "cvss", mixinStandardHelpOptions = true,
        description = {"Compute CVSS base scores from vectors (CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/ prefix).",
                "Prints one line per vector: the vector, the score with one decimal and the severity.",
                "Exit code 1 when any vector is invalid (the others are still printed)."})
public class CvssCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VECTOR", description = "CVSS vector strings")
    List<String> vectors;

    public CvssCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (String argument : vectors) {
            // tolerate surrounding whitespace (e.g. a CR from a Windows file fed through xargs); the vector itself is strict
            String vector = argument.strip();
            try {
                CvssScore score = CvssCalculator.score(vector);
                out.println(vector + " " + score.baseScore().toPlainString() + " " + score.severity().label());
            } catch (InvalidCvssVectorException e) {
                err.println("error: " + e.getMessage());
                exit = 1;
            }
            out.flush();
            err.flush();
        }
        return exit;
    }
}
