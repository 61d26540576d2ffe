package dev.vigil.bastion.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads a vaulted private key (OpenSSH or PEM text, with its passphrase if any) into key pairs for a client login, and
 * offers a vaulted credential of either kind to a client session.
 */
public final class VaultedKeys {

    private VaultedKeys() {
    }

    public static Iterable<KeyPair> load(SessionContext session, UpstreamCredential.PrivateKey key) throws IOException, GeneralSecurityException {
        FilePasswordProvider passphrase = key.passphrase() == null || key.passphrase().isEmpty()
                ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(key.passphrase());
        Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName("vaulted key"),
                new ByteArrayInputStream(key.keyText().getBytes(StandardCharsets.UTF_8)), passphrase);
        if (pairs == null || !pairs.iterator().hasNext()) {
            throw new GeneralSecurityException("the vaulted private key could not be read");
        }
        return pairs;
    }

    /** Offers the credential to the session's next authentication: the password, or every key pair of the private key. */
    public static void addIdentity(ClientSession session, UpstreamCredential credential) throws IOException, GeneralSecurityException {
        switch (credential) {
            case UpstreamCredential.Password password -> session.addPasswordIdentity(password.password());
            case UpstreamCredential.PrivateKey key -> {
                for (KeyPair pair : load(session, key)) {
                    session.addPublicKeyIdentity(pair);
                }
            }
        }
    }
}
