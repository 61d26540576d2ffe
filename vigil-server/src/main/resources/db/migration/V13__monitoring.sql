-- Monitoring: the service component catalogue with dependencies, and monitors as versioned definitions (every version
-- kept; each version names the change request that made it).

CREATE TABLE monitoring_component (
    id                 uuid PRIMARY KEY,
    name               text NOT NULL UNIQUE,
    description        text NOT NULL DEFAULT '',
    owner              text NOT NULL,
    tenant             text NOT NULL,
    criticality        text NOT NULL CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
    exposure           text NOT NULL CHECK (exposure IN ('internal', 'external')),
    assets             text[] NOT NULL DEFAULT '{}',
    scrape_url         text,
    scrape_interval_ms bigint,
    probes             jsonb NOT NULL DEFAULT '[]',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- component depends on upstream (upstream serves it; the component is downstream of it)
CREATE TABLE monitoring_component_dependency (
    component_id uuid NOT NULL REFERENCES monitoring_component (id) ON DELETE CASCADE,
    upstream_id  uuid NOT NULL REFERENCES monitoring_component (id),
    PRIMARY KEY (component_id, upstream_id),
    CHECK (component_id <> upstream_id)
);

CREATE TABLE monitor (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    tenant      text NOT NULL,
    version     integer NOT NULL,
    definition  jsonb NOT NULL,
    deleted     boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX monitor_live_name ON monitor (name) WHERE NOT deleted;

CREATE TABLE monitor_version (
    monitor_id   uuid NOT NULL REFERENCES monitor (id),
    version      integer NOT NULL,
    definition   jsonb NOT NULL,
    yaml         text NOT NULL,
    deleted      boolean NOT NULL DEFAULT false,
    change_id    uuid NOT NULL,
    requested_by text NOT NULL,
    applied_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (monitor_id, version)
);

-- The alerts a monitor has open (firing), so that after a restart the evaluator can resolve those that cleared.
CREATE TABLE monitor_alert (
    monitor_id  uuid NOT NULL REFERENCES monitor (id),
    dedup_key   text NOT NULL,
    since       timestamptz NOT NULL,
    PRIMARY KEY (monitor_id, dedup_key)
);
