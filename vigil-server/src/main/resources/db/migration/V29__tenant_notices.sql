-- Tenant notices: the people of a customer (tenant) who are told about what affects them (an incident, a published
-- advisory, maintenance), and each notice sent, delivered through the same notification outbox as alerts.

CREATE TABLE tenant_contact (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name        text NOT NULL,
    topics      text[] NOT NULL DEFAULT '{}',
    channel     text NOT NULL,
    enabled     boolean NOT NULL DEFAULT true,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

CREATE TABLE tenant_notice (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    topic       text NOT NULL CHECK (topic IN ('incident', 'advisory', 'maintenance', 'general')),
    subject     text NOT NULL,
    body        text NOT NULL,
    reference   text,
    sent_by     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_notice_tenant ON tenant_notice (tenant_id, created_at DESC);
CREATE INDEX tenant_notice_reference ON tenant_notice (reference);

-- A notification is about an alert (to a receiver's channel) or a notice (to a tenant contact's channel).
ALTER TABLE notification ALTER COLUMN alert_id DROP NOT NULL;
ALTER TABLE notification ADD COLUMN notice_id uuid REFERENCES tenant_notice (id) ON DELETE CASCADE;
ALTER TABLE notification ADD COLUMN contact_id uuid;
ALTER TABLE notification ADD CONSTRAINT notification_subject CHECK ((alert_id IS NULL) <> (notice_id IS NULL));
CREATE INDEX notification_notice ON notification (notice_id) WHERE notice_id IS NOT NULL;
