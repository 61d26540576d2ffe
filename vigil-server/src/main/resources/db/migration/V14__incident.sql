-- Incident response: cases opened from alerts or by hand, graded, worked through a validated lifecycle, recovered,
-- retested and reviewed. Alerts are referenced by id only (the alerting feature owns them).

CREATE TABLE incident (
    id              uuid PRIMARY KEY,
    number          bigserial UNIQUE,
    tenant          text NOT NULL,
    title           text NOT NULL,
    summary         text NOT NULL,
    incident_type   text NOT NULL,
    phase           text NOT NULL,
    -- grading: the factors, the level the policy proposes, and the final level with who set it and why
    impact_scope    text,
    asset_criticality text,
    data_sensitivity text,
    ongoing         boolean,
    proposed_level  int,
    level           int,
    level_set_by    text,
    level_reason    text,
    level_set_at    timestamptz,
    affected_assets text[] NOT NULL DEFAULT '{}',
    harm            text NOT NULL DEFAULT '',
    plan            jsonb NOT NULL DEFAULT '{}',
    created_by      text NOT NULL,
    started_at      timestamptz,
    detected_at     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    -- one timestamp per phase reached (the last time it was entered), from which the MTTx metrics follow
    triage_at       timestamptz,
    investigating_at timestamptz,
    contained_at    timestamptz,
    eradicated_at   timestamptz,
    recovered_at    timestamptz,
    retested_at     timestamptz,
    closed_at       timestamptz,
    reviewed_at     timestamptz,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX incident_phase ON incident (phase, created_at);

CREATE TABLE incident_alert (
    incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    alert_id    uuid NOT NULL,
    linked_by   text NOT NULL,
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (incident_id, alert_id)
);
CREATE INDEX incident_alert_by_alert ON incident_alert (alert_id);

-- status changes, grading, manual entries and the like; alerts, tasks and comments are read from their own tables
CREATE TABLE incident_timeline (
    id          uuid PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    kind        text NOT NULL,
    actor       text NOT NULL,
    text        text NOT NULL
);
CREATE INDEX incident_timeline_by_incident ON incident_timeline (incident_id, at);

CREATE TABLE incident_task (
    id           uuid PRIMARY KEY,
    incident_id  uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('response', 'recovery')),
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    assignee     text,
    due_at       timestamptz,
    status       text NOT NULL CHECK (status IN ('open', 'done', 'canceled')),
    evidence     text,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL,
    completed_by text,
    completed_at timestamptz
);
CREATE INDEX incident_task_by_incident ON incident_task (incident_id, created_at);

CREATE TABLE incident_observable (
    id          uuid PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    kind        text NOT NULL,
    value       text NOT NULL,
    note        text NOT NULL DEFAULT '',
    source      text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (incident_id, kind, value)
);

CREATE TABLE incident_comment (
    id          uuid PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    author      text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE incident_attachment (
    id           uuid PRIMARY KEY,
    incident_id  uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    filename     text NOT NULL,
    content_type text NOT NULL,
    size         bigint NOT NULL,
    sha256       text NOT NULL,
    content      bytea NOT NULL,
    uploaded_by  text NOT NULL,
    uploaded_at  timestamptz NOT NULL
);

CREATE TABLE incident_retest (
    id          uuid PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    passed      boolean NOT NULL,
    evidence    text NOT NULL,
    tested_by   text NOT NULL,
    tested_at   timestamptz NOT NULL
);

CREATE TABLE incident_review (
    incident_id          uuid PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
    root_cause           text NOT NULL,
    cause_category       text NOT NULL,
    contributing_factors text NOT NULL DEFAULT '',
    went_well            text NOT NULL DEFAULT '',
    went_badly           text NOT NULL DEFAULT '',
    written_by           text NOT NULL,
    written_at           timestamptz NOT NULL
);

CREATE TABLE incident_action_item (
    id           uuid PRIMARY KEY,
    incident_id  uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    title        text NOT NULL,
    owner        text,
    due_at       timestamptz,
    status       text NOT NULL CHECK (status IN ('open', 'done', 'canceled')),
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL,
    completed_by text,
    completed_at timestamptz
);

-- one row per SLA timer that ran out; the job that raises breach alerts keys on it, so a restart raises none twice
CREATE TABLE incident_sla_breach (
    incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    timer       text NOT NULL,
    level       int NOT NULL,
    due_at      timestamptz NOT NULL,
    breached_at timestamptz NOT NULL,
    alert_id    uuid,
    PRIMARY KEY (incident_id, timer)
);

-- emergency plans per incident type and level (0 = every level); the shipped ones are loaded when missing
CREATE TABLE incident_plan (
    incident_type text NOT NULL,
    level         int NOT NULL CHECK (level BETWEEN 0 AND 4),
    document      jsonb NOT NULL,
    version       int NOT NULL,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (incident_type, level)
);
