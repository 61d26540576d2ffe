-- Bastion command templates: pre-approved commands with typed parameters, scoped to a target or a target group and an
-- account, versioned and changed only through approved change requests; and the runs of templates by playbook steps,
-- one row per run and step (its idempotency key), so a retried or resumed step never runs a command twice.

CREATE TABLE access_command_template (
    id              uuid PRIMARY KEY,
    name            text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    current_version int NOT NULL,
    deleted         boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
-- a deleted template keeps its versions; its name is free again
CREATE UNIQUE INDEX access_command_template_live_name ON access_command_template (name) WHERE NOT deleted;

CREATE TABLE access_command_template_version (
    template_id  uuid NOT NULL REFERENCES access_command_template (id),
    version      int NOT NULL,
    definition   jsonb NOT NULL,
    change_id    uuid NOT NULL,
    requested_by text NOT NULL,
    approved_by  text NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (template_id, version)
);

CREATE TABLE access_command_run (
    idempotency_key  text PRIMARY KEY,
    template_id      uuid NOT NULL REFERENCES access_command_template (id),
    template_version int NOT NULL,
    target_id        uuid NOT NULL,
    command          text NOT NULL,
    state            text NOT NULL CHECK (state IN ('sending', 'not-sent', 'refused', 'completed', 'timed-out')),
    session_id       uuid,
    exit_status      integer,
    exit_signal      text,
    output           text,
    output_truncated boolean NOT NULL DEFAULT false,
    error            text,
    started_by       text NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz
);
