package dev.vigil.ledger.record;

/** Who performed an audited action; {@link #wireName()} is the value in the canonical encoding. */
public enum ActorKind {
    USER("user"),
    API_TOKEN("api-token"),
    SYSTEM_JOB("system-job"),
    BASTION_SESSION("bastion-session"),
    /** Someone not (yet) authenticated, e.g. a sign-in attempt with an unknown user name. */
    ANONYMOUS("anonymous");

    private final String wireName;

    ActorKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ActorKind fromWireName(String name) {
        for (ActorKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown actor kind \"" + name + "\" (expected user, api-token, system-job, bastion-session or anonymous)");
    }
}
