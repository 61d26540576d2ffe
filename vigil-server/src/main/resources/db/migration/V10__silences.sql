-- Silences: matchers over alert labels with a time window, a creator and a comment; a silenced alert is not notified.

CREATE TABLE alert_silence (
    id          uuid PRIMARY KEY,
    matchers    text NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    created_by  text NOT NULL,
    comment     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expired_by  text,
    expired_at  timestamptz
);

ALTER TABLE notification DROP CONSTRAINT notification_status_check;
ALTER TABLE notification ADD CONSTRAINT notification_status_check CHECK (status IN ('pending', 'sent', 'failed', 'silenced'));
