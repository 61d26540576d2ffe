-- Bastion file transfers: each file operation of an SFTP or legacy SCP channel (issue #8), with the SHA-256 of the
-- bytes that passed the gateway; also in the audit ledger as access.session.transfer.
CREATE TABLE access_session_transfer (
    session_id uuid NOT NULL REFERENCES access_session (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    at         timestamptz NOT NULL,
    operation  text NOT NULL CHECK (operation IN ('upload', 'download', 'remove', 'rename', 'mkdir', 'rmdir', 'symlink')),
    path       text NOT NULL,
    new_path   text,
    bytes      bigint NOT NULL,
    sha256     text,
    outcome    text NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- A grant with channel forward may name the destinations (host:port, port may be *) the target may be asked to reach.
ALTER TABLE access_grant ADD COLUMN destinations text[] NOT NULL DEFAULT '{}';
