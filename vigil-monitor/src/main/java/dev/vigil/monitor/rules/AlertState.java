package dev.vigil.monitor.rules;

/** Prometheus alert states; an inactive alert is kept only until it is replaced or dropped. */
public enum AlertState {
    INACTIVE, PENDING, FIRING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
