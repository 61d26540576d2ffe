-- Threat intelligence lifecycle: the own allowlist (beside the shipped one) and analysts' verdicts on indicator values.

CREATE TABLE intel_allowlist (
    id          uuid PRIMARY KEY,
    value       text NOT NULL UNIQUE,
    subdomains  boolean NOT NULL DEFAULT true,
    note        text NOT NULL DEFAULT '',
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A value marked false positive or revoked is matched in no feed until the verdict is lifted.
CREATE TABLE intel_verdict (
    id          uuid PRIMARY KEY,
    value_key   text NOT NULL UNIQUE,
    value       text NOT NULL,
    verdict     text NOT NULL CHECK (verdict IN ('false-positive', 'revoked')),
    reason      text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Sightings: how often each feed indicator matched an event, and when first and last.
CREATE TABLE intel_sighting (
    feed_id        uuid NOT NULL REFERENCES intel_feed (id),
    ref            text NOT NULL,
    sightings      bigint NOT NULL,
    first_sighted  timestamptz NOT NULL,
    last_sighted   timestamptz NOT NULL,
    PRIMARY KEY (feed_id, ref)
);

-- MITRE ATT&CK as loaded from its STIX bundle: one row per matrix (enterprise, ICS, mobile), its tactics in matrix
-- order and its techniques with the short names of their tactics (comma-separated).
CREATE TABLE intel_attack_matrix (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    loaded_by  text NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intel_attack_tactic (
    matrix_id   text NOT NULL REFERENCES intel_attack_matrix (id) ON DELETE CASCADE,
    id          text NOT NULL,
    name        text NOT NULL,
    short_name  text NOT NULL,
    position    integer NOT NULL,
    PRIMARY KEY (matrix_id, id)
);

CREATE TABLE intel_attack_technique (
    matrix_id     text NOT NULL REFERENCES intel_attack_matrix (id) ON DELETE CASCADE,
    id            text NOT NULL,
    name          text NOT NULL,
    tactics       text NOT NULL,
    subtechnique  boolean NOT NULL,
    url           text NOT NULL DEFAULT '',
    PRIMARY KEY (matrix_id, id)
);
