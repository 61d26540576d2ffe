-- Incident impact: the harm assessment (confidentiality, integrity, availability, how many records and people, whether
-- a regulator must be told) and the saved event search that widens the impact scope, kept as it was when attached
-- (query and the absolute time range); and the bastion sessions linked to an incident (the access feature owns them,
-- so they are referenced by id only).

CREATE TABLE incident_impact (
    incident_id       uuid PRIMARY KEY REFERENCES incident (id),
    confidentiality   text NOT NULL DEFAULT 'unknown' CHECK (confidentiality IN ('unknown', 'none', 'low', 'medium', 'high')),
    integrity         text NOT NULL DEFAULT 'unknown' CHECK (integrity IN ('unknown', 'none', 'low', 'medium', 'high')),
    availability      text NOT NULL DEFAULT 'unknown' CHECK (availability IN ('unknown', 'none', 'low', 'medium', 'high')),
    records_affected  bigint CHECK (records_affected >= 0),
    people_affected   bigint CHECK (people_affected >= 0),
    regulatory_report boolean,
    assessed_by       text,
    assessed_at       timestamptz,
    search_id         uuid,
    search_name       text,
    search_query      text,
    search_from       timestamptz,
    search_to         timestamptz
);

CREATE TABLE incident_session (
    incident_id uuid NOT NULL REFERENCES incident (id),
    session_id  uuid NOT NULL,
    linked_by   text NOT NULL,
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (incident_id, session_id)
);
CREATE INDEX incident_session_session ON incident_session (session_id);
