-- Security advisories (CSAF 2.0) about a product: the working draft, and every published release kept as it was
-- served (text, so that downloads stay byte-for-byte the same) with the tenants notified of it.

CREATE TABLE csaf_advisory (
    id                uuid PRIMARY KEY,
    tracking_id       text NOT NULL UNIQUE,
    product           text NOT NULL,
    title             text NOT NULL,
    tlp               text NOT NULL CHECK (tlp IN ('WHITE', 'GREEN', 'AMBER', 'RED')),
    draft             text NOT NULL,
    published_version integer NOT NULL DEFAULT 0,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1
);

CREATE SEQUENCE csaf_advisory_number;

CREATE TABLE csaf_advisory_release (
    advisory_id   uuid NOT NULL REFERENCES csaf_advisory (id),
    version       integer NOT NULL,
    document      text NOT NULL,
    tlp           text NOT NULL,
    file_path     text NOT NULL,
    requested_by  text NOT NULL,
    approved_by   text NOT NULL,
    change_id     uuid,
    released_at   timestamptz NOT NULL,
    notified      text[] NOT NULL DEFAULT '{}',     -- slugs of the tenants that got a notice of this release
    PRIMARY KEY (advisory_id, version)
);
CREATE INDEX csaf_advisory_release_time ON csaf_advisory_release (released_at DESC);
