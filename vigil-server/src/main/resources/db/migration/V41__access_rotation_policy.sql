-- Scheduled credential rotation: one policy per target account (rotate every N days, optionally only inside a daily
-- maintenance window in a time zone). next_at is when the next rotation is due (pushed on after every successful
-- rotation, on demand or scheduled); failures counts failed scheduled attempts since the last success (retry backoff);
-- claimed_until is the lease of the server running it now, so two servers never rotate the same account at once.
CREATE TABLE access_rotation_policy (
    account_id    uuid PRIMARY KEY REFERENCES access_target_account (id) ON DELETE CASCADE,
    interval_days integer NOT NULL CHECK (interval_days BETWEEN 1 AND 3650),
    via           text,
    window_start  time,
    window_end    time,
    window_zone   text NOT NULL DEFAULT 'UTC',
    next_at       timestamptz NOT NULL,
    failures      integer NOT NULL DEFAULT 0,
    claimed_until timestamptz,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((window_start IS NULL) = (window_end IS NULL)),
    CHECK (window_start IS NULL OR window_start <> window_end)
);

CREATE INDEX access_rotation_policy_due ON access_rotation_policy (next_at);
