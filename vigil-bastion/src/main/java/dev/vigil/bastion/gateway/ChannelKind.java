package dev.vigil.bastion.gateway;

/** What a channel asks to do; each is authorised on its own, on every channel open. */
public enum ChannelKind {
    SHELL("shell"), EXEC("exec"), PORT_FORWARD("port-forward"), AGENT_FORWARD("agent-forward");

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
        throw new IllegalArgumentException("unknown channel kind '" + label + "'; known: shell, exec, port-forward, agent-forward");
    }
}
