package dev.vigil.bastion.gateway;

import java.util.Map;

import org.apache.sshd.common.channel.PtyMode;

/** The operator's pty-req: terminal type, size (clamped to 1..1000) and modes, passed upstream unchanged. */
record TerminalRequest(String term, int columns, int rows, Map<PtyMode, Integer> modes) {

    static final int MAX_SIZE = 1000;

    TerminalRequest {
        term = term == null || term.isBlank() ? "xterm" : term;
        columns = clamp(columns);
        rows = clamp(rows);
        modes = Map.copyOf(modes);
    }

    static int clamp(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
