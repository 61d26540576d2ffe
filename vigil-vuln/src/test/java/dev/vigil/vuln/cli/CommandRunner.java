package dev.vigil.vuln.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs a picocli command the way the vigil CLI will, capturing stdout, stderr and the exit code. */
record CommandRunner(int exitCode, String out, String err) {

    static CommandRunner run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CommandRunner(exit, out.toString(), err.toString());
    }
}
