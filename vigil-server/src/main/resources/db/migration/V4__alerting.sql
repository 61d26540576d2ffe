-- Alerting: the one alert model for detections, monitors and source health.

CREATE TABLE alert (
    id               uuid PRIMARY KEY,
    tenant           text NOT NULL,
    source           text NOT NULL,
    rule_ref         text NOT NULL,
    title            text NOT NULL,
    author           text NOT NULL DEFAULT '',
    severity         text NOT NULL CHECK (severity IN ('informational', 'low', 'medium', 'high', 'critical')),
    state            text NOT NULL CHECK (state IN ('firing', 'resolved')),
    dedup_key        text NOT NULL,
    entities         jsonb NOT NULL DEFAULT '{}',
    event_ids        text[] NOT NULL DEFAULT '{}',
    explanation      text NOT NULL,
    occurrences      bigint NOT NULL DEFAULT 1,
    first_seen       timestamptz NOT NULL,
    last_seen        timestamptz NOT NULL,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    resolved_by      text,
    resolved_at      timestamptz,
    resolution       text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_dedup ON alert (dedup_key, last_seen DESC) WHERE state = 'firing';
CREATE INDEX alert_recent ON alert (last_seen DESC);
CREATE INDEX alert_rule ON alert (source, rule_ref);
