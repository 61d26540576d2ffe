-- Detection: managed Sigma documents (rules, correlations, filters) with every version, per-tenant switches,
-- exceptions and hit counters.

CREATE TABLE detection_rule (
    id            uuid PRIMARY KEY,
    sigma_id      text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('rule', 'correlation', 'filter')),
    title         text NOT NULL,
    level         text NOT NULL DEFAULT '',
    status        text NOT NULL DEFAULT '',
    author        text NOT NULL DEFAULT '',
    logsource     text NOT NULL DEFAULT '',
    origin        text NOT NULL DEFAULT '',
    version       integer NOT NULL,
    yaml          text NOT NULL,
    sha256        text NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE detection_rule_version (
    rule_id       uuid NOT NULL REFERENCES detection_rule (id),
    version       integer NOT NULL,
    yaml          text NOT NULL,
    sha256        text NOT NULL,
    change        text NOT NULL,
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (rule_id, version)
);

CREATE TABLE detection_rule_tenant (
    rule_id       uuid NOT NULL REFERENCES detection_rule (id),
    tenant        text NOT NULL,
    enabled       boolean NOT NULL,
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (rule_id, tenant)
);

CREATE TABLE detection_exception (
    id            uuid PRIMARY KEY,
    rule_id       uuid NOT NULL REFERENCES detection_rule (id),
    tenant        text,
    field         text NOT NULL,
    field_values  text[] NOT NULL,
    reason        text NOT NULL,
    expires_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_by    text,
    revoked_at    timestamptz
);
CREATE INDEX detection_exception_rule ON detection_exception (rule_id);

CREATE TABLE detection_rule_stats (
    rule_id       uuid PRIMARY KEY REFERENCES detection_rule (id),
    hits          bigint NOT NULL DEFAULT 0,
    last_hit      timestamptz
);
