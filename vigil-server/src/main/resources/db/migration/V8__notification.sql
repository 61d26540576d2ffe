-- Notification: receivers (each with its channels) and the outbox of notifications with their delivery log.

CREATE TABLE notification_receiver (
    id            uuid PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    min_severity  text NOT NULL CHECK (min_severity IN ('informational', 'low', 'medium', 'high', 'critical')),
    sources       text[] NOT NULL DEFAULT '{}',
    tenants       text[] NOT NULL DEFAULT '{}',
    channels      text NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    alert_id        uuid NOT NULL REFERENCES alert (id),
    receiver        text NOT NULL,
    channel_index   integer NOT NULL,
    channel_type    text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_alert ON notification (alert_id);
