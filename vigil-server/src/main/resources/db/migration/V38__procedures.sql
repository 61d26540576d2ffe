-- Operating procedures for high-risk work (docs/BASTION.md "Operating procedures"): versioned templates changed only
-- through approved change requests; executions of a template on chosen targets for a purpose and a window, approved
-- like access requests; the bastion sessions bound to an execution; each step ticked with evidence; and per command of a
-- bound session whether the plan expected it.

CREATE TABLE access_procedure (
    id              uuid PRIMARY KEY,
    name            text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    current_version int NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE access_procedure_version (
    procedure_id uuid NOT NULL REFERENCES access_procedure (id),
    version      int NOT NULL,
    definition   jsonb NOT NULL,
    change_id    uuid,            -- null for a template shipped with Vigil
    requested_by text NOT NULL,
    approved_by  text NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (procedure_id, version)
);

CREATE TABLE access_procedure_execution (
    id                uuid PRIMARY KEY,
    procedure_id      uuid NOT NULL REFERENCES access_procedure (id),
    procedure_version int NOT NULL,
    procedure_name    text NOT NULL,
    user_id           uuid NOT NULL,
    username          text NOT NULL,
    account           text NOT NULL,
    target_ids        uuid[] NOT NULL,
    target_names      text[] NOT NULL,
    tenant_id         uuid,
    purpose           text NOT NULL,
    window_from       timestamptz NOT NULL,
    window_until      timestamptz NOT NULL,
    state             text NOT NULL CHECK (state IN ('requested', 'approved', 'completed', 'abandoned')),
    change_id         uuid NOT NULL,
    grant_ids         uuid[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL,
    approved_at       timestamptz,
    approved_by       text,
    closed_at         timestamptz,
    closed_by         text,
    close_reason      text,
    FOREIGN KEY (procedure_id, procedure_version) REFERENCES access_procedure_version (procedure_id, version)
);
CREATE INDEX access_procedure_execution_user ON access_procedure_execution (user_id, state);

CREATE TABLE access_procedure_step_tick (
    execution_id uuid NOT NULL REFERENCES access_procedure_execution (id),
    step         int NOT NULL,
    evidence     text NOT NULL,
    session_id   uuid,
    command_seq  int,
    link         text,
    ticked_by    text NOT NULL,
    ticked_at    timestamptz NOT NULL,
    PRIMARY KEY (execution_id, step)
);

ALTER TABLE access_session ADD COLUMN procedure_execution_id uuid REFERENCES access_procedure_execution (id);
CREATE INDEX access_session_procedure ON access_session (procedure_execution_id) WHERE procedure_execution_id IS NOT NULL;

-- planned: the command matched a step (plan_step, 1-based) or the template's anytime list (plan_step null);
-- out-of-plan: some command of the line matched nothing of the plan
ALTER TABLE access_session_command ADD COLUMN plan text CHECK (plan IN ('planned', 'out-of-plan'));
ALTER TABLE access_session_command ADD COLUMN plan_step int;
