-- A grant with channel remote-forward names the binds (address:port on the target, either may be *; port 0 = the target
-- picks) the operator's ssh -R may ask the target to listen on; without one the channel cannot be granted.
ALTER TABLE access_grant ADD COLUMN binds text[] NOT NULL DEFAULT '{}';
