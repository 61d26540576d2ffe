package dev.vigil.server.alerting;

/** Published after a new alert is stored (not when a duplicate adds to an existing one); notification listens. */
public record AlertRaised(AlertView alert) {
}
