package dev.vigil.server.identity;

/** A newly created token with its secret, which is never shown again. */
public record IssuedToken(TokenView token, String secret) {
}
