-- One-time acknowledgement links sent in notifications: a link's nonce is recorded when it is used.

CREATE TABLE alert_ack_link (
    nonce     text PRIMARY KEY,
    alert_id  uuid NOT NULL REFERENCES alert (id),
    receiver  text NOT NULL,
    used_at   timestamptz NOT NULL DEFAULT now(),
    address   text NOT NULL DEFAULT ''
);
