-- Identity: tenants, users, groups, roles, permissions, API tokens. Audit: the search index of the audit ledger
-- (records are appended to the ledger files first; this table mirrors them for search and is append-only too).

CREATE TABLE tenant (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id                   uuid PRIMARY KEY,
    username             text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    display_name         text NOT NULL DEFAULT '',
    email                text NOT NULL DEFAULT '',
    tenant_id            uuid REFERENCES tenant (id),
    password_hash        text NOT NULL,
    must_change_password boolean NOT NULL DEFAULT false,
    totp_secret          text,
    totp_enabled         boolean NOT NULL DEFAULT false,
    totp_last_step       bigint NOT NULL DEFAULT 0,
    enabled              boolean NOT NULL DEFAULT true,
    failed_attempts      integer NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    description text NOT NULL DEFAULT '',
    builtin     boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- scope: '*' (everywhere), 'own-tenant' (the holder's tenant), 'tenant:<uuid>', 'asset-group:<id>', 'object:<type>:<id>'
CREATE TABLE role_permission (
    role_id  uuid NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    resource text NOT NULL,
    action   text NOT NULL,
    scope    text NOT NULL,
    PRIMARY KEY (role_id, resource, action, scope)
);

CREATE TABLE user_role (
    user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role_id uuid NOT NULL REFERENCES role (id),
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE user_group (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    description text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE group_member (
    group_id uuid NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    user_id  uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE group_role (
    group_id uuid NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    role_id  uuid NOT NULL REFERENCES role (id),
    PRIMARY KEY (group_id, role_id)
);

-- kind 'api': a machine token; kind 'session': a bearer session from POST /api/v1/auth/login
CREATE TABLE api_token (
    id             uuid PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('api', 'session')),
    name           text NOT NULL,
    token_hash     bytea NOT NULL UNIQUE,
    token_prefix   text NOT NULL,
    owner_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    permissions    text[] NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    last_used_at   timestamptz,
    last_used_from text
);
CREATE INDEX api_token_owner ON api_token (owner_id) WHERE revoked_at IS NULL;

CREATE TABLE audit_record (
    seq           bigint PRIMARY KEY CHECK (seq >= 0),
    recorded_at   timestamptz NOT NULL,
    actor_kind    text NOT NULL CHECK (actor_kind IN ('user', 'api-token', 'system-job', 'bastion-session', 'anonymous')),
    actor_id      text NOT NULL,
    actor_name    text NOT NULL,
    source_addr   text NOT NULL DEFAULT '',
    action        text NOT NULL,
    object_type   text NOT NULL DEFAULT '',
    object_id     text NOT NULL DEFAULT '',
    tenant_id     uuid,
    outcome       text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    refs          jsonb NOT NULL DEFAULT '{}',
    body          jsonb NOT NULL DEFAULT '{}',
    canonical     bytea NOT NULL
);
CREATE INDEX audit_record_time ON audit_record (recorded_at);
CREATE INDEX audit_record_actor ON audit_record (actor_id, recorded_at);
CREATE INDEX audit_record_object ON audit_record (object_type, object_id);

-- The audit trail is append-only at the database level too.
CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_record_no_update BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();
