package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** OpenSSH public key lines ({@code ssh-ed25519 AAAA... comment}): parsing, canonical form, SHA-256 fingerprints. */
public final class OpenSshKeys {

    private OpenSshKeys() {
    }

    /** Throws IllegalArgumentException with a message fit for an API client when the line is not a public key. */
    public static PublicKey parse(String line) {
        if (line == null || line.isBlank() || line.length() > 16_384) {
            throw new IllegalArgumentException("an OpenSSH public key line is required (ssh-ed25519 AAAA... comment)");
        }
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.strip());
            if (entry == null) {
                throw new IllegalArgumentException("not an OpenSSH public key line");
            }
            PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("unsupported key type " + entry.getKeyType());
            }
            return key;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a usable OpenSSH public key: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the text is an unencrypted private key (OpenSSH or PEM) the gateway can log in with; returns the
     * public key's fingerprint. Throws IllegalArgumentException naming the problem (never the key).
     */
    public static String privateKeyFingerprint(String keyText) {
        if (keyText == null || keyText.isBlank() || keyText.length() > 65_536) {
            throw new IllegalArgumentException("a private key in OpenSSH or PEM form is required");
        }
        try {
            Iterable<java.security.KeyPair> pairs = org.apache.sshd.common.util.security.SecurityUtils.loadKeyPairIdentities(null,
                    org.apache.sshd.common.NamedResource.ofName("credential"),
                    new java.io.ByteArrayInputStream(keyText.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    org.apache.sshd.common.config.keys.FilePasswordProvider.EMPTY);
            if (pairs == null || !pairs.iterator().hasNext()) {
                throw new IllegalArgumentException("no private key found in the text");
            }
            return fingerprint(pairs.iterator().next().getPublic());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a usable unencrypted private key (OpenSSH or PEM): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The key as {@code type base64} without comment (the form to store and compare). */
    public static String canonical(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    public static boolean same(PublicKey a, PublicKey b) {
        return KeyUtils.compareKeys(a, b);
    }
}
