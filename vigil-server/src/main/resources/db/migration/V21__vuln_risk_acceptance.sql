-- Risk acceptance: a finding whose risk an approver accepted (through a change request) until a date; it returns to
-- triage by itself when the acceptance expires.

ALTER TABLE vuln_finding DROP CONSTRAINT vuln_finding_status_check;
ALTER TABLE vuln_finding ADD CONSTRAINT vuln_finding_status_check CHECK (status IN ('new', 'reopened', 'triaged',
    'in_remediation', 'fixed', 'verified', 'closed', 'false_positive', 'risk_accepted'));
ALTER TABLE vuln_finding ADD COLUMN risk_accepted_until timestamptz;
ALTER TABLE vuln_finding ADD COLUMN risk_acceptance_change uuid;
CREATE INDEX vuln_finding_acceptance_due ON vuln_finding (risk_accepted_until) WHERE status = 'risk_accepted';
