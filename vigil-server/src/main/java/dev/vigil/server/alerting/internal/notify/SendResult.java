package dev.vigil.server.alerting.internal.notify;

/**
 * How a delivery went. A temporary failure (timeout, refused connection, 429, 5xx, SMTP 4xx) is retried with backoff;
 * a permanent one (other 4xx, SMTP 5xx, a bad address) is not.
 */
public record SendResult(Outcome outcome, String detail) {

    public enum Outcome { SENT, TEMPORARY, PERMANENT }

    public static SendResult sent(String detail) {
        return new SendResult(Outcome.SENT, detail);
    }

    public static SendResult temporary(String detail) {
        return new SendResult(Outcome.TEMPORARY, detail);
    }

    public static SendResult permanent(String detail) {
        return new SendResult(Outcome.PERMANENT, detail);
    }
}
