-- Password rotation through the bastion: the new password waits here (encrypted like the credential) while the target
-- is changed and the new password verified; the credential is replaced only after a login with the new one worked.
ALTER TABLE access_target_account
    ADD COLUMN pending_credential text,
    ADD COLUMN pending_since      timestamptz,
    ADD COLUMN rotation_status    text CHECK (rotation_status IN ('rotated', 'failed')),
    ADD COLUMN rotation_at        timestamptz,
    ADD COLUMN rotation_message   text;
