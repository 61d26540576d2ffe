-- Notification grouping (Alertmanager's aggregation groups) for alerts the routing tree routes: the groups with their
-- timers and notification log, their alerts, and each grouped message (one notification per channel of the receiver).
-- Topology-aware suppression: an alert of a downstream component grouped under the firing alert of its upstream.

CREATE TABLE notification_group (
    group_key          text PRIMARY KEY,
    receiver           text NOT NULL,
    route_id           text NOT NULL,
    group_labels       jsonb NOT NULL,
    group_interval_ms  bigint NOT NULL,
    repeat_interval_ms bigint NOT NULL,
    send_resolved      boolean NOT NULL,
    next_flush_at      timestamptz NOT NULL,
    -- the last sent notification's firing and resolved entries (null before the first) and when it was made
    last_firing        text[],
    last_resolved      text[],
    last_notified_at   timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_group_due ON notification_group (next_flush_at);

CREATE TABLE notification_group_alert (
    group_key  text NOT NULL REFERENCES notification_group (group_key) ON DELETE CASCADE,
    alert_id   uuid NOT NULL REFERENCES alert (id),
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_key, alert_id)
);
CREATE INDEX notification_group_alert_by_alert ON notification_group_alert (alert_id);

CREATE TABLE notification_group_message (
    id            uuid PRIMARY KEY,
    group_key     text NOT NULL,
    receiver      text NOT NULL,
    group_labels  jsonb NOT NULL,
    new_firing    uuid[] NOT NULL,
    still_firing  uuid[] NOT NULL,
    resolved      uuid[] NOT NULL,
    -- per firing alert id: the downstream alerts grouped under it ([{alert, component, title}])
    affected      jsonb NOT NULL DEFAULT '{}',
    alert_ids     uuid[] NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_group_message_alerts ON notification_group_message USING gin (alert_ids);

ALTER TABLE notification ADD COLUMN group_message_id uuid REFERENCES notification_group_message (id);
ALTER TABLE notification DROP CONSTRAINT notification_subject;
ALTER TABLE notification ADD CONSTRAINT notification_subject CHECK (num_nonnulls(alert_id, notice_id, group_message_id) = 1);
CREATE INDEX notification_group_message_rows ON notification (group_message_id) WHERE group_message_id IS NOT NULL;

ALTER TABLE alert ADD COLUMN suppressed_by uuid REFERENCES alert (id);
CREATE INDEX alert_suppressed_by ON alert (suppressed_by) WHERE suppressed_by IS NOT NULL;
