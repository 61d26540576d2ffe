package dev.vigil.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.vigil.ledger.export.LedgerVerifier;
import dev.vigil.ledger.export.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil audit verify DIR}: offline verification of an audit export. Prints {@code OK: size N root <base64>}
 * and exits 0, or prints the first problem and exits 1 (tampering) or 2 (unreadable input).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an audit log export offline (no server, no database).",
                "Exit status: 0 verified, 1 tampering found, 2 unreadable input."})
public final class AuditVerifyCommand implements Callable<Integer> {

    static final int VERIFIED = 0;
    static final int TAMPERED = 1;
    static final int UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Export directory (records.jsonl, checkpoints/, public-key).")
    Path directory;

    @Option(names = "--trusted-checkpoint", paramLabel = "FILE",
            description = "A checkpoint published outside the operator's reach; detects rollback to an older state.")
    Path trustedCheckpoint;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "The log's verifier key obtained out of band; detects a replaced signing key.")
    Path publicKey;

    public AuditVerifyCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerificationResult result;
        try {
            result = new LedgerVerifier(directory, publicKey, trustedCheckpoint).verify();
        } catch (RuntimeException e) {
            // Unexpected input the verifier did not anticipate: report it plainly rather than as a stack trace.
            result = new VerificationResult.Unreadable(directory + ": verification failed unexpectedly: " + e);
        }
        int status = switch (result) {
            case VerificationResult.Verified ok -> {
                ok.warnings().forEach(warning -> err.println("warning: " + warning));
                out.println("OK: size " + ok.size() + " root " + ok.rootBase64());
                yield VERIFIED;
            }
            case VerificationResult.Tampered tampered -> {
                out.println("TAMPERED: " + tampered.problem());
                yield TAMPERED;
            }
            case VerificationResult.Unreadable unreadable -> {
                err.println("error: " + unreadable.problem());
                yield UNREADABLE;
            }
        };
        out.flush();
        err.flush();
        return status;
    }
}
