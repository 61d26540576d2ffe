package dev.vigil.server.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import dev.vigil.server.platform.config.VigilProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The vault's key ring: a key file created on first start, decryption with older keys, rotation, the environment key. */
class CredentialVaultTest {

    @TempDir
    Path dir;

    private CredentialVault vault(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("vigil.data-dir", dir.toString());
        return new CredentialVault(new Binder(new MapConfigurationPropertySource(all)).bind("vigil", VigilProperties.class).get());
    }

    private static String freshKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void createsAPrivateKeyFileAndSealsEachCredentialToItsAccount() throws Exception {
        CredentialVault vault = vault(Map.of());
        String sealed = vault.encrypt("target-password", "account-1");

        assertThat(Files.getPosixFilePermissions(dir.resolve(CredentialVault.DEFAULT_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(sealed).startsWith("vault1:" + vault.currentKeyId() + ":").doesNotContain("target-password");
        assertThat(vault.decrypt(sealed, "account-1")).isEqualTo("target-password");
        assertThatThrownBy(() -> vault.decrypt(sealed, "account-2")).hasMessageContaining("wrong key or tampered");
        assertThat(vault(Map.of()).decrypt(sealed, "account-1")).as("the key file is reused at the next start").isEqualTo("target-password");
    }

    @Test
    void aNewFirstKeyEncryptsWhileOlderKeysStillDecryptUntilRotated() throws Exception {
        CredentialVault before = vault(Map.of());
        String old = before.encrypt("s3cret", "a");
        Path file = dir.resolve(CredentialVault.DEFAULT_FILE);
        String oldKey = Files.readAllLines(file).get(1);
        Files.writeString(file, freshKey() + "\n" + oldKey + "\n");

        CredentialVault after = vault(Map.of());

        assertThat(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
        assertThat(after.needsRotation(old)).isTrue();
        String rotated = after.encrypt(after.decrypt(old, "a"), "a");
        assertThat(after.needsRotation(rotated)).isFalse();
        Files.writeString(file, Files.readAllLines(file).get(0) + "\n");
        CredentialVault withoutOldKey = vault(Map.of());
        assertThat(withoutOldKey.decrypt(rotated, "a")).isEqualTo("s3cret");
        assertThatThrownBy(() -> withoutOldKey.decrypt(old, "a")).hasMessageContaining("which is not configured any more");
    }

    @Test
    void theEnvironmentKeyEncryptsAndTheFileKeysStillDecrypt() {
        String old = vault(Map.of()).encrypt("s3cret", "a");
        String envKey = freshKey();

        CredentialVault vault = vault(Map.of("vigil.access.vault-key", envKey));

        assertThat(vault.decrypt(old, "a")).isEqualTo("s3cret");
        assertThat(vault.needsRotation(vault.encrypt("x", "b"))).isFalse();
        assertThat(vault.currentKeyId()).isEqualTo(CredentialVault.keyId(Base64.getDecoder().decode(envKey)));
        assertThatThrownBy(() -> vault(Map.of("vigil.access.vault-key", "c2hvcnQ="))).hasMessageContaining("32 bytes");
    }
}
