package dev.vigil.server.alerting;

import java.util.UUID;

/** A silence was expired before its end (published in the expiring transaction); what it held back may go out now. */
public record SilenceEnded(UUID silence) {
}
