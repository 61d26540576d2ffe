package dev.vigil.bastion.gateway;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a channel asks to do; each is authorised on its own, on every channel open. {@code sftp} covers the SFTP
 * subsystem (also default {@code scp}, and an SFTP server started by path over exec); {@code scp} legacy
 * {@code scp -O}; {@code forward} local port forwarding ({@code direct-tcpip}); {@code agent-forward} the operator's
 * agent used from the target ({@code ssh -A}); {@code remote-forward} a listener on the target ({@code ssh -R}).
 */
public enum ChannelKind {
    SHELL("shell"), EXEC("exec"), SFTP("sftp"), SCP("scp"), PORT_FORWARD("forward"), AGENT_FORWARD("agent-forward"), REMOTE_FORWARD("remote-forward");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ChannelKind of(String label) {
        for (ChannelKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown channel kind '" + label + "'; known: "
                + Arrays.stream(values()).map(ChannelKind::label).collect(Collectors.joining(", ")));
    }
}
