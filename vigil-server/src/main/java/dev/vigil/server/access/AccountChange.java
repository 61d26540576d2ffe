package dev.vigil.server.access;

/** A target account and its credential: {@code password} or {@code private-key} (unencrypted OpenSSH or PEM text). */
public record AccountChange(String name, String credentialKind, String secret) {

    @Override
    public String toString() {
        return "AccountChange[name=" + name + ", credentialKind=" + credentialKind + ", secret=***]";
    }
}
