package dev.vigil.server.access;

import java.util.UUID;

/**
 * How a template command went: {@code state} completed (it ran; see {@code exitStatus}/{@code exitSignal}), refused (the
 * command policy stopped it before the target), timed-out (cut off; its effect is unknown); {@code output} is the first
 * {@value TemplateCommands#MAX_OUTPUT_BYTES} bytes of stdout and stderr; {@code repeated} when this is the recorded
 * result of an earlier attempt of the same step run, which is not run again.
 */
public record CommandRunResult(String template, int templateVersion, String target, String account, String command, String state, UUID session,
        Integer exitStatus, String exitSignal, String output, boolean outputTruncated, String error, boolean repeated) {

    /** Completed with exit status 0. */
    public boolean succeeded() {
        return "completed".equals(state) && Integer.valueOf(0).equals(exitStatus);
    }
}
