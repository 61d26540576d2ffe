-- Vulnerability findings from scanner imports, their lifecycle, scores and SLA; KEV and EPSS catalogs; risk history.

CREATE TABLE vuln_import (
    id           uuid PRIMARY KEY,
    tenant       text NOT NULL,
    file_name    text NOT NULL,
    format       text NOT NULL,
    scanners     text[] NOT NULL,
    received     integer NOT NULL,
    created      integer NOT NULL,
    updated      integer NOT NULL,
    reopened     integer NOT NULL,
    closed       integer NOT NULL,
    imported_by  text NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE vuln_finding (
    id                   uuid PRIMARY KEY,
    tenant               text NOT NULL,
    asset_id             uuid NOT NULL,
    identity             text NOT NULL,
    kind                 text NOT NULL,
    vulnerability_id     text NOT NULL,
    aliases              text[] NOT NULL DEFAULT '{}',
    title                text NOT NULL DEFAULT '',
    description          text NOT NULL DEFAULT '',
    component_name       text NOT NULL DEFAULT '',
    component_version    text NOT NULL DEFAULT '',
    purl                 text NOT NULL DEFAULT '',
    location             text NOT NULL DEFAULT '',
    fixed_version        text NOT NULL DEFAULT '',
    remediation          text NOT NULL DEFAULT '',
    scanner_severity     text NOT NULL,
    scanner_status       text NOT NULL DEFAULT '',
    cvss_vector          text,
    cvss_version         text,
    cvss_score           numeric(3, 1),
    cvss_severity        text,
    reported_score       numeric(3, 1),
    score_mismatch       boolean NOT NULL DEFAULT false,
    cvss_error           text,
    kev                  boolean NOT NULL DEFAULT false,
    kev_due              date,
    epss                 numeric(6, 5),
    epss_percentile      numeric(6, 5),
    ssvc_exploitation    text NOT NULL DEFAULT 'none',
    ssvc_automatable     text NOT NULL DEFAULT 'no',
    ssvc_technical_impact text NOT NULL DEFAULT 'partial',
    ssvc_mission         text NOT NULL DEFAULT 'medium',
    ssvc_decision        text NOT NULL DEFAULT 'Track',
    priority             text NOT NULL CHECK (priority IN ('critical', 'high', 'medium', 'low', 'info')),
    status               text NOT NULL CHECK (status IN ('new', 'reopened', 'triaged', 'in_remediation', 'fixed',
                                                          'verified', 'closed', 'false_positive')),
    status_reason        text NOT NULL DEFAULT '',
    first_seen           timestamptz NOT NULL,
    last_seen            timestamptz NOT NULL,
    sla_due              timestamptz,
    sla_alerted_at       timestamptz,
    closed_at            timestamptz,
    version              integer NOT NULL DEFAULT 1,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (asset_id, identity)
);
CREATE INDEX vuln_finding_tenant_status ON vuln_finding (tenant, status);
CREATE INDEX vuln_finding_sla ON vuln_finding (sla_due) WHERE sla_alerted_at IS NULL;
CREATE INDEX vuln_finding_vulnerability ON vuln_finding (vulnerability_id);

-- Which scanner and scope reported a finding, and whether the latest import of that scanner and scope still did:
-- a reimport closes only findings that its own scanner and scope no longer report.
CREATE TABLE vuln_finding_source (
    finding_id      uuid NOT NULL REFERENCES vuln_finding (id),
    scanner         text NOT NULL,
    scope           text NOT NULL,
    present         boolean NOT NULL,
    last_import_id  uuid NOT NULL REFERENCES vuln_import (id),
    PRIMARY KEY (finding_id, scanner, scope)
);
CREATE INDEX vuln_finding_source_scope ON vuln_finding_source (scanner, scope) WHERE present;

CREATE TABLE vuln_finding_history (
    id          bigserial PRIMARY KEY,
    finding_id  uuid NOT NULL REFERENCES vuln_finding (id),
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    from_status text,
    to_status   text NOT NULL,
    reason      text NOT NULL DEFAULT ''
);
CREATE INDEX vuln_finding_history_finding ON vuln_finding_history (finding_id, id);

CREATE TABLE vuln_kev (
    cve_id      text PRIMARY KEY,
    vendor      text NOT NULL,
    product     text NOT NULL,
    name        text NOT NULL,
    date_added  date,
    due_date    date,
    ransomware  boolean NOT NULL
);

CREATE TABLE vuln_epss (
    cve_id      text PRIMARY KEY,
    score       numeric(6, 5) NOT NULL,
    percentile  numeric(6, 5)
);

CREATE TABLE vuln_catalog (
    kind         text PRIMARY KEY CHECK (kind IN ('kev', 'epss')),
    version      text NOT NULL,
    entries      integer NOT NULL,
    imported_by  text NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE risk_posture_daily (
    tenant          text NOT NULL,
    day             date NOT NULL,
    score           integer NOT NULL,
    assets          integer NOT NULL,
    open_findings   integer NOT NULL,
    act             integer NOT NULL,
    attend          integer NOT NULL,
    sla_breached    integer NOT NULL,
    PRIMARY KEY (tenant, day)
);
