-- Sharing threat intelligence: the TLP an incident's observables are shared under (the STIX export marks them with it).
ALTER TABLE incident
    ADD COLUMN tlp text NOT NULL DEFAULT 'amber'
        CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red'));

-- Collections served over TAXII 2.1 to partners: which indicators (feeds, minimum confidence, TLP ceiling; TLP:RED
-- never) and which incidents' STIX exports.
CREATE TABLE taxii_collection (
    id              uuid PRIMARY KEY,
    title           text NOT NULL UNIQUE,
    description     text NOT NULL DEFAULT '',
    feed_ids        uuid[] NOT NULL DEFAULT '{}',
    min_confidence  integer NOT NULL DEFAULT 0 CHECK (min_confidence BETWEEN 0 AND 100),
    tlp_ceiling     text NOT NULL DEFAULT 'green' CHECK (tlp_ceiling IN ('clear', 'green', 'amber', 'amber+strict')),
    incident_ids    uuid[] NOT NULL DEFAULT '{}',
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    published_at    timestamptz
);

-- What each collection has published: one row per STIX object (its latest version), in the order it was added; an
-- object that leaves the collection is published once more as revoked (indicators, reports).
CREATE TABLE taxii_object (
    collection_id  uuid NOT NULL REFERENCES taxii_collection (id) ON DELETE CASCADE,
    stix_id        text NOT NULL,
    stix_type      text NOT NULL,
    seq            bigserial NOT NULL,
    date_added     timestamptz NOT NULL,
    version        timestamptz NOT NULL,
    digest         text NOT NULL,
    revoked        boolean NOT NULL DEFAULT false,
    object         text NOT NULL,
    PRIMARY KEY (collection_id, stix_id)
);
CREATE INDEX taxii_object_by_seq ON taxii_object (collection_id, seq);

-- Partners reading collections with their own bearer tokens (stored hashed, shown once, revocable).
CREATE TABLE taxii_partner (
    id              uuid PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    description     text NOT NULL DEFAULT '',
    token_hash      bytea NOT NULL UNIQUE,
    token_prefix    text NOT NULL,
    collection_ids  uuid[] NOT NULL DEFAULT '{}',
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      text
);

-- The ATT&CK techniques a feed relates to each indicator (comma-separated ids, e.g. T1071,T1059.001), which its
-- alerts carry.
ALTER TABLE intel_indicator ADD COLUMN techniques text NOT NULL DEFAULT '';

-- Feeds shared by every tenant switched off for one tenant: that tenant's events are not matched (live or in
-- retro-hunts) against indicators only these feeds hold.
CREATE TABLE intel_feed_tenant_off (
    feed_id      uuid NOT NULL REFERENCES intel_feed (id) ON DELETE CASCADE,
    tenant       text NOT NULL,
    disabled_by  text NOT NULL,
    disabled_at  timestamptz NOT NULL,
    PRIMARY KEY (feed_id, tenant)
);
