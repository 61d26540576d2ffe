-- Ingest: configured inputs, their ingest tokens, their counters, and saved event searches.

CREATE TABLE ingest_input (
    id            uuid PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    type          text NOT NULL CHECK (type IN ('syslog', 'http')),
    format        text NOT NULL CHECK (format IN ('syslog', 'json', 'line')),
    tenant        text NOT NULL,
    asset         text NOT NULL DEFAULT '',
    sources       text[] NOT NULL DEFAULT '{}',
    description   text NOT NULL DEFAULT '',
    enabled       boolean NOT NULL DEFAULT true,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ingest_token (
    id            uuid PRIMARY KEY,
    input_id      uuid NOT NULL REFERENCES ingest_input (id),
    name          text NOT NULL,
    token_hash    bytea NOT NULL UNIQUE,
    token_prefix  text NOT NULL,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX ingest_token_input ON ingest_token (input_id);

CREATE TABLE ingest_input_stats (
    input_id      uuid PRIMARY KEY REFERENCES ingest_input (id),
    events        bigint NOT NULL DEFAULT 0,
    bytes         bigint NOT NULL DEFAULT 0,
    parse_errors  bigint NOT NULL DEFAULT 0,
    dropped       bigint NOT NULL DEFAULT 0,
    last_seen_at  timestamptz,
    silent_since  timestamptz
);

CREATE TABLE saved_search (
    id            uuid PRIMARY KEY,
    owner_id      uuid NOT NULL,
    name          text NOT NULL,
    query         text NOT NULL,
    time_range    text NOT NULL DEFAULT '24h',
    shared        boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_id, name)
);
