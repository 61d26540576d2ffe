package dev.vigil.monitor.yaml;

/** Invalid or unreadable configuration; the message starts with {@code file:line:column:}. */
public final class YamlException extends RuntimeException {

    public YamlException(String message) {
        super(message);
    }
}
