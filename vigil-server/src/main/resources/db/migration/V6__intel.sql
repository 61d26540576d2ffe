-- Threat intelligence: indicator feeds and their indicators (the live matcher is built from these rows).

CREATE TABLE intel_feed (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL UNIQUE,
    format              text NOT NULL CHECK (format IN ('csv', 'plain')),
    source              text NOT NULL DEFAULT '',
    description         text NOT NULL DEFAULT '',
    tenant              text,
    confidence          integer NOT NULL CHECK (confidence BETWEEN 0 AND 100),
    expires_after_days  integer NOT NULL CHECK (expires_after_days BETWEEN 0 AND 3650),
    enabled             boolean NOT NULL DEFAULT true,
    indicator_count     integer NOT NULL DEFAULT 0,
    imported_at         timestamptz,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intel_indicator (
    feed_id      uuid NOT NULL REFERENCES intel_feed (id),
    ref          text NOT NULL,
    type         text NOT NULL,
    value        text NOT NULL,
    confidence   integer NOT NULL,
    first_seen   timestamptz,
    last_seen    timestamptz,
    valid_until  timestamptz,
    PRIMARY KEY (feed_id, ref)
);
CREATE INDEX intel_indicator_value ON intel_indicator (lower(value));
