-- Threat intelligence feeds: more formats, feeds fetched from a URL on a schedule (conditional GET, TAXII 2.1 polling),
-- the TLP of each feed, and what the last fetch did.

ALTER TABLE intel_feed DROP CONSTRAINT intel_feed_format_check;
ALTER TABLE intel_feed ADD CONSTRAINT intel_feed_format_check
    CHECK (format IN ('csv', 'plain', 'stix', 'misp', 'abusech-csv', 'threatfox-json', 'taxii'));

ALTER TABLE intel_feed
    ADD COLUMN tlp                   text NOT NULL DEFAULT 'clear'
        CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
    ADD COLUMN url                   text,
    ADD COLUMN auth_header           text,
    ADD COLUMN auth_value            text,
    ADD COLUMN poll_minutes          integer NOT NULL DEFAULT 0 CHECK (poll_minutes BETWEEN 0 AND 10080),
    ADD COLUMN etag                  text,
    ADD COLUMN last_modified         text,
    ADD COLUMN taxii_added_after     timestamptz,
    ADD COLUMN last_polled_at        timestamptz,
    ADD COLUMN last_poll_outcome     text,
    ADD COLUMN last_error            text,
    ADD COLUMN consecutive_failures  integer NOT NULL DEFAULT 0,
    ADD COLUMN next_poll_at          timestamptz;

CREATE INDEX intel_feed_due ON intel_feed (next_poll_at) WHERE url IS NOT NULL;

-- What a STIX or MISP indicator says beyond its value, for the alerts it raises.
ALTER TABLE intel_indicator
    ADD COLUMN description text NOT NULL DEFAULT '';
