package dev.vigil.server.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts target credentials with AES-256-GCM under a master key kept outside the database: the key file
 * ({@code vigil.access.vault-key-file}, one base64 key a line, the first encrypts) or {@code vigil.access.vault-key}
 * (environment), which then encrypts while the file's keys still decrypt. Each ciphertext names its key, so a new
 * master key is introduced by putting it first, restarting, and re-encrypting ({@link #needsRotation}); the credential's
 * row id is bound in as associated data so a ciphertext cannot be moved to another account.
 */
@Component
public class CredentialVault {

    static final String DEFAULT_FILE = "keys/vault.keys";
    private static final String PREFIX = "vault1:";
    private static final int NONCE_BYTES = 12;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentId;
    private final SecureRandom random = new SecureRandom();

    CredentialVault(VigilProperties properties) {
        VigilProperties.Access settings = properties.access();
        Path file = settings.vaultKeyFile().isBlank() ? properties.resolvedDataDir().resolve(DEFAULT_FILE) : Path.of(settings.vaultKeyFile());
        List<byte[]> material = new ArrayList<>();
        if (!settings.vaultKey().isBlank()) {
            material.add(decodeKey(settings.vaultKey(), "vigil.access.vault-key"));
        }
        material.addAll(readOrCreate(file, material.isEmpty()));
        for (byte[] key : material) {
            keys.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
        }
        currentId = keys.keySet().iterator().next();
    }

    /** The id of the key that encrypts now (a fingerprint, safe to show). */
    public String currentKeyId() {
        return currentId;
    }

    public String encrypt(String plaintext, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("credential encryption failed", e);
        }
    }

    public String decrypt(String stored, String boundTo) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown credential format");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("the credential was encrypted with vault key " + parts[1]
                    + ", which is not configured any more (vigil.access.vault-key-file / vigil.access.vault-key)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a vaulted credential cannot be decrypted (wrong key or tampered)", e);
        }
    }

    /** Whether the stored value was encrypted with another key than the current one. */
    public boolean needsRotation(String stored) {
        return !stored.startsWith(PREFIX + currentId + ":");
    }

    private List<byte[]> readOrCreate(Path file, boolean required) {
        try {
            if (Files.exists(file)) {
                List<byte[]> found = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        found.add(decodeKey(line.strip(), file.toString()));
                    }
                }
                if (found.isEmpty() && required) {
                    throw new IllegalStateException(file + " holds no key");
                }
                return found;
            }
            if (!required) {
                return List.of();
            }
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "# Vigil vault master keys: base64 AES-256, the first line encrypts, all decrypt.\n"
                    + Base64.getEncoder().encodeToString(fresh) + "\n");
            return List.of(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the vault key file " + file, e);
        }
    }

    private static byte[] decodeKey(String text, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(text.strip());
            if (key.length != 32) {
                throw new IllegalStateException(where + ": a vault key must be 32 bytes (base64 of 32 random bytes)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": a vault key must be base64", e);
        }
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
