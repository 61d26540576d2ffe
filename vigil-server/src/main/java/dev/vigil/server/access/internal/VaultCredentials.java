package dev.vigil.server.access.internal;

import java.util.Map;
import java.util.UUID;

import dev.vigil.bastion.gateway.CredentialSource;
import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.gateway.UpstreamTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Hands the gateway (and password rotation) the decrypted credential of an account; nothing else ever decrypts one. */
@Component
public class VaultCredentials implements CredentialSource {

    private final JdbcClient jdbc;
    private final CredentialVault vault;

    VaultCredentials(JdbcClient jdbc, CredentialVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public UpstreamCredential credentialFor(UpstreamTarget target) {
        return credentialOf(UUID.fromString(target.accountId()));
    }

    /** The decrypted credential of one account, for the gateway and for password rotation through the bastion. */
    public UpstreamCredential credentialOf(UUID accountId) {
        Map<String, Object> row = jdbc.sql("SELECT credential_kind, credential FROM access_target_account WHERE id = ?")
                .param(accountId).query().singleRow();
        String secret = vault.decrypt((String) row.get("credential"), accountId.toString());
        return "password".equals(row.get("credential_kind")) ? new UpstreamCredential.Password(secret)
                : new UpstreamCredential.PrivateKey(secret, null);
    }
}
