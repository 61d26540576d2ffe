package dev.vigil.server.access.internal;

import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.vigil.bastion.gateway.HostKeyTrust;
import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.UpstreamTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a target's host key against its pin. A target without a pin remembers the key it presented so that an
 * administrator can confirm it (trust on first use, never automatic); so does a target presenting a changed key,
 * which is refused until an administrator confirms the new key.
 */
@Component
public class PinnedHostKeys implements HostKeyTrust {

    private final JdbcClient jdbc;
    private final Clock clock;

    PinnedHostKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Verdict verify(UpstreamTarget target, PublicKey presented) {
        UUID id = UUID.fromString(target.targetId());
        Map<String, Object> row = jdbc.sql("SELECT host_key FROM access_target WHERE id = ?").param(id).query().singleRow();
        String pinned = (String) row.get("host_key");
        if (pinned == null) {
            jdbc.sql("UPDATE access_target SET pending_host_key = ?, pending_seen_at = ? WHERE id = ? AND host_key IS NULL")
                    .params(OpenSshKeys.canonical(presented), Timestamp.from(clock.instant()), id).update();
            return Verdict.UNCONFIRMED;
        }
        if (OpenSshKeys.same(OpenSshKeys.parse(pinned), presented)) {
            return Verdict.TRUSTED;
        }
        jdbc.sql("UPDATE access_target SET pending_host_key = ?, pending_seen_at = ? WHERE id = ?")
                .params(OpenSshKeys.canonical(presented), Timestamp.from(clock.instant()), id).update();
        return Verdict.CHANGED;
    }
}
