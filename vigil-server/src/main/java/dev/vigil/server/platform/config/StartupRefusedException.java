package dev.vigil.server.platform.config;

/** A condition under which the server must not start (e.g. a tampered audit ledger); printed without a stack trace. */
public final class StartupRefusedException extends RuntimeException {

    private final String action;

    public StartupRefusedException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
