package dev.vigil.monitor.template;

/** A template that cannot be parsed or executed; the message says where. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
