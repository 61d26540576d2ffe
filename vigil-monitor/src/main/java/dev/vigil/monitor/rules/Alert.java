package dev.vigil.monitor.rules;

import java.util.Map;

import dev.vigil.monitor.promql.model.Labels;

/** One alert instance of an alerting rule (mutable state, owned by its rule). Times are milliseconds. */
public final class Alert {

    private final Labels labels;
    private Map<String, String> annotations;
    private double value;
    private AlertState state = AlertState.PENDING;
    private final long activeAtMs;
    private long firedAtMs = -1;
    private long resolvedAtMs = -1;
    private long keepFiringSinceMs = -1;

    Alert(Labels labels, Map<String, String> annotations, double value, long activeAtMs) {
        this.labels = labels;
        this.annotations = annotations;
        this.value = value;
        this.activeAtMs = activeAtMs;
    }

    public Labels labels() {
        return labels;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    public double value() {
        return value;
    }

    public AlertState state() {
        return state;
    }

    public long activeAtMs() {
        return activeAtMs;
    }

    public long firedAtMs() {
        return firedAtMs;
    }

    public long resolvedAtMs() {
        return resolvedAtMs;
    }

    void refresh(double newValue, Map<String, String> newAnnotations) {
        value = newValue;
        annotations = newAnnotations;
    }

    void fire(long atMs) {
        state = AlertState.FIRING;
        firedAtMs = atMs;
    }

    void resolve(long atMs) {
        state = AlertState.INACTIVE;
        resolvedAtMs = atMs;
    }

    long keepFiringSinceMs() {
        return keepFiringSinceMs;
    }

    void keepFiringSince(long atMs) {
        keepFiringSinceMs = atMs;
    }
}
