package dev.vigil.server.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id password hashing (Spring Security's encoder with its current recommended parameters). */
@Component
class PasswordHasher {

    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Hash of a random password, checked when a username does not exist so that timing does not tell. */
    private final String decoy = encoder.encode("decoy-" + System.nanoTime());

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void burnDecoy(String password) {
        encoder.matches(password, decoy);
    }
}
