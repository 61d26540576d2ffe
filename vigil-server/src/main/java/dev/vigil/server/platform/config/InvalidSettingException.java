package dev.vigil.server.platform.config;

/** A configuration value that cannot be used; the message names the key and the reason. */
public final class InvalidSettingException extends RuntimeException {

    private final String key;

    public InvalidSettingException(String key, String reason) {
        super("invalid configuration " + key + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
