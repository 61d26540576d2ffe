package dev.vigil.server.identity;

/** A created user and, when it was generated, the initial password (shown once, stored only hashed). */
public record CreatedUser(UserView user, String generatedPassword) {
}
