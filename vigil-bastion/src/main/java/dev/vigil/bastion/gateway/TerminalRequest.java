package dev.vigil.bastion.gateway;

import java.util.Map;

import org.apache.sshd.common.channel.PtyMode;

/**
 * The operator's pty-req: terminal type, size and modes (passed upstream unchanged). A size of 0 (a client PTY that
 * has no size yet, as under {@code expect}) becomes 80x24; sizes are capped at 1000.
 */
record TerminalRequest(String term, int columns, int rows, Map<PtyMode, Integer> modes) {

    static final int MAX_SIZE = 1000;

    TerminalRequest {
        term = term == null || term.isBlank() ? "xterm" : term;
        columns = clamp(columns, 80);
        rows = clamp(rows, 24);
        modes = Map.copyOf(modes);
    }

    static int clamp(int size, int unknown) {
        return size <= 0 ? unknown : Math.min(size, MAX_SIZE);
    }
}
