-- Audit review: periods that internal auditors review, the records selected for review, and findings.

CREATE TABLE review_period (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL CHECK (ends_at > starts_at),
    state          text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'signed-off')),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    signed_off_by  text,
    signed_off_at  timestamptz,
    sign_off_note  text
);

CREATE TABLE review_item (
    period_id    uuid NOT NULL REFERENCES review_period (id),
    record_seq   bigint NOT NULL,
    selected_by  text NOT NULL,
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'reviewed', 'flagged')),
    comment      text NOT NULL DEFAULT '',
    reviewed_by  text,
    reviewed_at  timestamptz,
    PRIMARY KEY (period_id, record_seq)
);
CREATE INDEX review_item_status ON review_item (period_id, status);

CREATE TABLE review_finding (
    id           uuid PRIMARY KEY,
    period_id    uuid NOT NULL REFERENCES review_period (id),
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    severity     text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    owner        text NOT NULL,
    due_date     date NOT NULL,
    record_seqs  bigint[] NOT NULL DEFAULT '{}',
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution   text NOT NULL DEFAULT '',
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz
);
