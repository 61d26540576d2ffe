-- Bastion (access): targets with pinned host keys, vaulted target accounts, operator SSH keys, grants, sessions.

CREATE TABLE access_target (
    id               uuid PRIMARY KEY,
    name             text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$'),
    host             text NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port             integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    host_key         text,
    pending_host_key text,
    pending_seen_at  timestamptz,
    target_groups    text[] NOT NULL DEFAULT '{}',
    asset_ref        text,
    tenant_id        uuid,
    description      text NOT NULL DEFAULT '',
    created_by       text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE access_target_account (
    id              uuid PRIMARY KEY,
    target_id       uuid NOT NULL REFERENCES access_target (id) ON DELETE CASCADE,
    name            text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$'),
    credential_kind text NOT NULL CHECK (credential_kind IN ('password', 'private-key')),
    credential      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    rotated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (target_id, name)
);

CREATE TABLE access_operator_key (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL,
    username    text NOT NULL,
    public_key  text NOT NULL,
    fingerprint text NOT NULL,
    comment     text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (public_key)
);
CREATE INDEX access_operator_key_username ON access_operator_key (username);

CREATE TABLE access_grant (
    id           uuid PRIMARY KEY,
    subject_kind text NOT NULL CHECK (subject_kind IN ('user', 'group')),
    subject_id   uuid NOT NULL,
    subject_name text NOT NULL,
    target_id    uuid REFERENCES access_target (id) ON DELETE CASCADE,
    target_group text,
    account      text NOT NULL,
    channels     text[] NOT NULL,
    valid_from   timestamptz NOT NULL,
    valid_until  timestamptz NOT NULL,
    reason       text NOT NULL DEFAULT '',
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    CHECK ((target_id IS NULL) <> (target_group IS NULL)),
    CHECK (valid_until > valid_from)
);

CREATE TABLE access_session (
    id                  uuid PRIMARY KEY,
    connection_id       text NOT NULL,
    user_id             uuid NOT NULL,
    username            text NOT NULL,
    target_id           uuid,
    target_name         text NOT NULL,
    account             text NOT NULL,
    grant_id            uuid,
    tenant_id           uuid,
    kind                text NOT NULL,
    command             text,
    pty                 boolean NOT NULL,
    source_address      text NOT NULL,
    started_at          timestamptz NOT NULL,
    ended_at            timestamptz,
    exit_status         integer,
    exit_signal         text,
    terminated_by       text,
    recording           bytea,
    recording_sha256    text,
    recording_bytes     bigint,
    recording_truncated boolean,
    input_recording     bytea
);
CREATE INDEX access_session_started ON access_session (started_at DESC);

CREATE TABLE access_session_command (
    session_id     uuid NOT NULL REFERENCES access_session (id) ON DELETE CASCADE,
    seq            integer NOT NULL,
    at             timestamptz NOT NULL,
    offset_seconds double precision NOT NULL,
    command        text NOT NULL,
    PRIMARY KEY (session_id, seq)
);
