-- Silences, inhibit rules and mute time intervals are checked whenever a notification is due, not only when the alert
-- is raised: a held-back notification waits as 'held' (with why) and goes out once nothing holds it back any more
-- ('released' for an alert of a notification group, whose next message lists it); one resolved while held stays
-- 'silenced' and is never sent.

ALTER TABLE notification DROP CONSTRAINT notification_status_check;
ALTER TABLE notification ADD CONSTRAINT notification_status_check
    CHECK (status IN ('pending', 'sent', 'failed', 'silenced', 'held', 'released'));
-- why it was held back (kept after it went out), when the hold ended, and the notification group whose flushes
-- re-check the hold (null: re-checked by itself, at next_attempt_at)
ALTER TABLE notification ADD COLUMN held_back text;
ALTER TABLE notification ADD COLUMN released_at timestamptz;
ALTER TABLE notification ADD COLUMN group_key text;
CREATE INDEX notification_held ON notification (next_attempt_at) WHERE status = 'held' AND group_key IS NULL;
CREATE INDEX notification_held_in_group ON notification (alert_id, group_key) WHERE status = 'held';

-- a member of a notification group: why it is held back now (null: it is not), and when a message first listed it
ALTER TABLE notification_group_alert ADD COLUMN held text;
ALTER TABLE notification_group_alert ADD COLUMN notified_at timestamptz;
-- the members the last message of their group listed as firing were notified
UPDATE notification_group_alert m SET notified_at = g.last_notified_at
FROM notification_group g WHERE g.group_key = m.group_key AND m.alert_id::text = ANY (g.last_firing);

-- an escalation whose due step waits while a silence or an inhibit rule covers its alert
ALTER TABLE alert_escalation ADD COLUMN held_back text;
