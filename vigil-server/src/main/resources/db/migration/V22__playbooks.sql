-- Playbooks: versioned YAML response automation (changed only through approved change requests) and their runs
-- against incidents, one row per step with its status, output and error.

CREATE TABLE playbook (
    id              uuid PRIMARY KEY,
    name            text NOT NULL,
    current_version int NOT NULL,
    deleted         boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
-- a deleted playbook keeps its versions; its name is free again
CREATE UNIQUE INDEX playbook_live_name ON playbook (name) WHERE NOT deleted;

CREATE TABLE playbook_version (
    playbook_id     uuid NOT NULL REFERENCES playbook (id),
    version         int NOT NULL,
    definition      text NOT NULL,
    change_id       uuid NOT NULL,
    requested_by    text NOT NULL,
    approved_by     text NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (playbook_id, version)
);

CREATE TABLE playbook_run (
    id              uuid PRIMARY KEY,
    incident_id     uuid NOT NULL REFERENCES incident (id),
    playbook_id     uuid NOT NULL REFERENCES playbook (id),
    playbook_version int NOT NULL,
    trigger         text NOT NULL,
    status          text NOT NULL,
    started_by      text NOT NULL,
    error           text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);
CREATE INDEX playbook_run_incident ON playbook_run (incident_id, created_at);

CREATE TABLE playbook_step_run (
    run_id          uuid NOT NULL REFERENCES playbook_run (id),
    step_index      int NOT NULL,
    step_name       text NOT NULL,
    step_type       text NOT NULL,
    status          text NOT NULL,
    attempts        int NOT NULL DEFAULT 0,
    output          jsonb NOT NULL DEFAULT '{}',
    error           text,
    started_at      timestamptz,
    finished_at     timestamptz,
    PRIMARY KEY (run_id, step_index)
);
