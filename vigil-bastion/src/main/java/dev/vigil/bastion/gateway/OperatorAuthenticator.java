package dev.vigil.bastion.gateway;

import java.security.PublicKey;
import java.util.Optional;

/** Port: who is this operator? Implemented by the server against the keys registered per Vigil user. */
public interface OperatorAuthenticator {

    /** The enabled operator named {@code username} if {@code key} is one of that user's registered keys. */
    Optional<Operator> byPublicKey(String username, PublicKey key);

    /** The operator if the password and the current TOTP code are right (keyboard-interactive); empty when not supported. */
    default Optional<Operator> byPasswordAndCode(String username, String password, String totpCode) {
        return Optional.empty();
    }

    /** Whether password + TOTP sign-in is offered at all. */
    default boolean offersPasswordAndCode() {
        return false;
    }
}
