-- Assets: the inventory of what each tenant runs, the names and addresses it is known by, its software and links.

CREATE TABLE asset (
    id                uuid PRIMARY KEY,
    tenant            text NOT NULL,
    name              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('host', 'service', 'data-store', 'cloud-resource', 'network-device')),
    owner             text NOT NULL DEFAULT '',
    environment       text NOT NULL DEFAULT '',
    criticality       integer NOT NULL DEFAULT 3 CHECK (criticality BETWEEN 1 AND 5),
    internet_exposed  boolean NOT NULL DEFAULT false,
    data_sensitivity  text NOT NULL DEFAULT 'internal'
                      CHECK (data_sensitivity IN ('public', 'internal', 'confidential', 'restricted')),
    tags              text[] NOT NULL DEFAULT '{}',
    description       text NOT NULL DEFAULT '',
    source            text NOT NULL CHECK (source IN ('api', 'console', 'csv', 'scan', 'discovery')),
    merged_into       uuid REFERENCES asset (id),
    last_seen_at      timestamptz,
    last_scanned_at   timestamptz,
    version           integer NOT NULL DEFAULT 1,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX asset_live_name ON asset (tenant, lower(name)) WHERE merged_into IS NULL;

-- Host names (lower case) and IP addresses (canonical text) an asset is known by; one asset per value and tenant.
CREATE TABLE asset_identifier (
    asset_id  uuid NOT NULL REFERENCES asset (id),
    tenant    text NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('hostname', 'address')),
    value     text NOT NULL,
    source    text NOT NULL,
    PRIMARY KEY (tenant, kind, value)
);
CREATE INDEX asset_identifier_asset ON asset_identifier (asset_id);

CREATE TABLE asset_software (
    asset_id  uuid NOT NULL REFERENCES asset (id),
    name      text NOT NULL,
    version   text NOT NULL DEFAULT '',
    purl      text NOT NULL DEFAULT '',
    cpe       text NOT NULL DEFAULT '',
    source    text NOT NULL,
    seen_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (asset_id, name, version, purl)
);

-- upstream depends on nothing here; downstream depends on upstream (e.g. a service on its database)
CREATE TABLE asset_link (
    upstream_id    uuid NOT NULL REFERENCES asset (id),
    downstream_id  uuid NOT NULL REFERENCES asset (id),
    relation       text NOT NULL DEFAULT 'depends-on',
    PRIMARY KEY (upstream_id, downstream_id),
    CHECK (upstream_id <> downstream_id)
);
CREATE INDEX asset_link_downstream ON asset_link (downstream_id);
