-- The advisory database (OSV and CVE JSON 5 records, global like the KEV/EPSS catalogs) and the keys by which
-- matching finds the advisories that may name an installed package.

CREATE TABLE vuln_advisory (
    id           text PRIMARY KEY,
    format       text NOT NULL,
    summary      text NOT NULL DEFAULT '',
    aliases      text[] NOT NULL DEFAULT '{}',
    published    timestamptz,
    modified     timestamptz,
    withdrawn    timestamptz,
    cvss_vector  text,
    packages     integer NOT NULL,
    record       text NOT NULL,
    source_file  text NOT NULL,
    imported_by  text NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vuln_advisory_imported ON vuln_advisory (imported_at DESC, id);

-- purl:TYPE/PATH or cpe:VENDOR:PRODUCT (vigil-vuln MatchKeys)
CREATE TABLE vuln_advisory_key (
    advisory_id  text NOT NULL REFERENCES vuln_advisory (id) ON DELETE CASCADE,
    match_key    text NOT NULL,
    PRIMARY KEY (match_key, advisory_id)
);
