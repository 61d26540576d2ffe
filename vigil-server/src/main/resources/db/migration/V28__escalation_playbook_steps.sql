-- Escalation: per-user contact methods, escalation policies (ordered steps, repeats) and the escalation of each alert
-- with the log of whom each step paged. Notifications of an escalation go through the same outbox.

CREATE TABLE user_contact (
    id         uuid PRIMARY KEY,
    username   text NOT NULL,
    label      text NOT NULL,
    type       text NOT NULL,
    channel    text NOT NULL,
    enabled    boolean NOT NULL DEFAULT true,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_contact_user ON user_contact (username);

CREATE TABLE escalation_policy (
    id           uuid PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    description  text NOT NULL DEFAULT '',
    steps        jsonb NOT NULL,
    repeat       int NOT NULL DEFAULT 0 CHECK (repeat BETWEEN 0 AND 10),
    repeat_after_ms bigint NOT NULL DEFAULT 0,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE notification_receiver ADD COLUMN escalation_policy text;

-- One escalation per alert and policy; the policy is copied when it starts, so a later edit does not change a running one.
CREATE TABLE alert_escalation (
    id           uuid PRIMARY KEY,
    alert_id     uuid NOT NULL REFERENCES alert (id),
    policy_id    uuid NOT NULL,
    policy_name  text NOT NULL,
    steps        jsonb NOT NULL,
    repeat       int NOT NULL,
    repeat_after_ms bigint NOT NULL,
    next_step    int NOT NULL DEFAULT 0,
    round        int NOT NULL DEFAULT 0,
    next_at      timestamptz NOT NULL,
    state        text NOT NULL CHECK (state IN ('active', 'acknowledged', 'resolved', 'completed')),
    started_by   text NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    ended_at     timestamptz,
    UNIQUE (alert_id, policy_id)
);
CREATE INDEX alert_escalation_due ON alert_escalation (next_at) WHERE state = 'active';

CREATE TABLE alert_escalation_page (
    id            uuid PRIMARY KEY,
    escalation_id uuid NOT NULL REFERENCES alert_escalation (id),
    at            timestamptz NOT NULL,
    step          int NOT NULL,
    round         int NOT NULL,
    target        text NOT NULL,
    paged         text[] NOT NULL DEFAULT '{}',
    note          text NOT NULL DEFAULT ''
);
CREATE INDEX alert_escalation_page_by_escalation ON alert_escalation_page (escalation_id, at);

ALTER TABLE notification ADD COLUMN escalation_id uuid REFERENCES alert_escalation (id);
ALTER TABLE notification ADD COLUMN contact_id uuid;

-- The escalation policy the SLA breach alerts of each incident level go through.
CREATE TABLE incident_level_escalation (
    level      int PRIMARY KEY CHECK (level BETWEEN 1 AND 4),
    policy     text NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
