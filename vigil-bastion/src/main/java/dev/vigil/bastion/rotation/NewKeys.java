package dev.vigil.bastion.rotation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;

import dev.vigil.bastion.gateway.OpenSshKeys;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** Fresh Ed25519 key pairs for target accounts: the private key in OpenSSH form (unencrypted, for the vault) and its public line. */
public final class NewKeys {

    /** A generated key: {@code privateKey} goes only to the vault; {@code publicLine} is {@code ssh-ed25519 AAAA... comment}. */
    public record Generated(String privateKey, String publicLine, String keyBlob) {
        @Override
        public String toString() {
            return "Generated[" + publicLine + "]";
        }
    }

    public Generated next(String comment) {
        try {
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, text);
            String canonical = OpenSshKeys.canonical(pair.getPublic());
            return new Generated(text.toString(StandardCharsets.UTF_8), canonical + " " + comment, blobOf(canonical));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an Ed25519 key pair", e);
        }
    }

    /** The base64 key blob of a canonical {@code type base64} line: what identifies the key in authorized_keys. */
    static String blobOf(String canonical) {
        return canonical.split(" ")[1];
    }
}
