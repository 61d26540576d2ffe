-- Inventory entries may say what kind of package they are (a package-URL type such as deb, npm, pypi, or an OSV
-- ecosystem such as PyPI or Debian:12), so that a package without package URL or CPE can still be matched.
ALTER TABLE asset_software ADD COLUMN type text NOT NULL DEFAULT '';

-- Name keys (vigil-vuln MatchKeys: name:NAME, lower case, runs of '-', '_', '.' and spaces as one '-') for the
-- advisories stored before them: OSV package names (and the artifact id of Maven names), CVE packageName and product.
INSERT INTO vuln_advisory_key (advisory_id, match_key)
SELECT DISTINCT a.id, 'name:' || regexp_replace(lower(btrim(n.name)), '[-_. ]+', '-', 'g')
FROM vuln_advisory a
CROSS JOIN LATERAL (
    SELECT e -> 'package' ->> 'name' AS name
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(a.record::jsonb -> 'affected') = 'array'
                                   THEN a.record::jsonb -> 'affected' ELSE '[]'::jsonb END) e
    WHERE a.format = 'OSV'
    UNION ALL
    SELECT split_part(e -> 'package' ->> 'name', ':', 2)
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(a.record::jsonb -> 'affected') = 'array'
                                   THEN a.record::jsonb -> 'affected' ELSE '[]'::jsonb END) e
    WHERE a.format = 'OSV' AND lower(split_part(e -> 'package' ->> 'ecosystem', ':', 1)) = 'maven'
    UNION ALL
    SELECT v.value
    FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(a.record::jsonb -> 'containers' -> 'cna' -> 'affected') = 'array'
                 THEN a.record::jsonb -> 'containers' -> 'cna' -> 'affected' ELSE '[]'::jsonb END
            || coalesce((SELECT jsonb_agg(x) FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(a.record::jsonb -> 'containers' -> 'adp') = 'array'
                         THEN a.record::jsonb -> 'containers' -> 'adp' ELSE '[]'::jsonb END) adp,
                    jsonb_array_elements(CASE WHEN jsonb_typeof(adp -> 'affected') = 'array'
                                              THEN adp -> 'affected' ELSE '[]'::jsonb END) x), '[]'::jsonb)) e
    CROSS JOIN LATERAL (VALUES (e ->> 'packageName'), (e ->> 'product')) v(value)
    WHERE a.format = 'CVE JSON 5'
) n
WHERE n.name IS NOT NULL AND btrim(n.name) <> ''
ON CONFLICT DO NOTHING;

-- An advisory is about a product named by findings, or about a service component of the monitoring catalogue (whose
-- owner and downstream dependants are told of its releases).
ALTER TABLE csaf_advisory ADD COLUMN subject text NOT NULL DEFAULT 'product' CHECK (subject IN ('product', 'component'));
ALTER TABLE csaf_advisory ADD COLUMN component_id uuid;
