-- Bastion command policy: ordered rules scoped by target group and account, scope modes (deny-list / restricted),
-- and the decision on every recorded session command.

CREATE TABLE access_command_rule (
    id           uuid PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    priority     integer NOT NULL,
    target_group text,
    account      text,
    programs     text[] NOT NULL DEFAULT '{}',
    pattern      text,
    action       text NOT NULL CHECK (action IN ('allow', 'warn', 'review', 'deny')),
    description  text NOT NULL DEFAULT '',
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (cardinality(programs) > 0 OR pattern IS NOT NULL)
);
CREATE INDEX access_command_rule_order ON access_command_rule (priority, name);

CREATE TABLE access_command_mode (
    id           uuid PRIMARY KEY,
    target_group text,
    account      text,
    mode         text NOT NULL CHECK (mode IN ('deny-list', 'restricted')),
    uncertain    text NOT NULL CHECK (uncertain IN ('warn', 'review', 'deny')),
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (target_group, account),
    CHECK (mode = 'deny-list' OR uncertain <> 'warn')
);

ALTER TABLE access_session_command
    ADD COLUMN action  text NOT NULL DEFAULT 'allow' CHECK (action IN ('allow', 'warn', 'review', 'deny')),
    ADD COLUMN rule_id text,
    ADD COLUMN reasons text[] NOT NULL DEFAULT '{}';
