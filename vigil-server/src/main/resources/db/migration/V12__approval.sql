-- Change requests: the shared approval mechanism. A feature submits a change (kind, subject, payload, diff, reason);
-- it applies when enough other people approve it, or at once on the emergency path, which then requires a review.

CREATE TABLE change_request (
    id                     uuid PRIMARY KEY,
    kind                   text NOT NULL,
    subject                text NOT NULL,
    title                  text NOT NULL,
    payload                jsonb NOT NULL,
    diff                   text NOT NULL,
    reason                 text NOT NULL,
    tenant_id              uuid,
    requester_id           uuid NOT NULL,
    requester_name         text NOT NULL,
    required_approvals     integer NOT NULL CHECK (required_approvals >= 1),
    approver_permission    text NOT NULL,
    approver_role          text,
    tenant_authorization   boolean NOT NULL DEFAULT false,
    state                  text NOT NULL CHECK (state IN ('pending', 'applied', 'rejected', 'withdrawn', 'expired')),
    emergency              boolean NOT NULL DEFAULT false,
    review_state           text CHECK (review_state IN ('required', 'reviewed')),
    reviewed_by            text,
    reviewed_at            timestamptz,
    review_comment         text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    expires_at             timestamptz NOT NULL,
    closed_at              timestamptz,
    closed_by              text,
    result                 jsonb
);

CREATE INDEX change_request_state ON change_request (state, created_at DESC);
CREATE INDEX change_request_subject ON change_request (kind, subject);
CREATE INDEX change_request_review ON change_request (review_state) WHERE review_state = 'required';

CREATE TABLE change_decision (
    change_id          uuid NOT NULL REFERENCES change_request (id),
    user_id            uuid NOT NULL,
    username           text NOT NULL,
    decision           text NOT NULL CHECK (decision IN ('approve', 'reject')),
    counts_as_approver boolean NOT NULL,
    tenant_authorizer  boolean NOT NULL,
    comment            text NOT NULL,
    decided_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (change_id, user_id)
);
