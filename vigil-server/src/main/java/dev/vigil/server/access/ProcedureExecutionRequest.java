package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;

/** What an operator asks for: a procedure by name, run on targets as one account, for a purpose, in a window ({@code from} defaults to now). */
public record ProcedureExecutionRequest(String procedure, List<String> targets, String account, String purpose, Instant from, Instant until) {
}
