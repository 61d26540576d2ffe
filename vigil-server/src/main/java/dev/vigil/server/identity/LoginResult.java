package dev.vigil.server.identity;

import java.util.UUID;

/** The outcome of a sign-in attempt. */
public sealed interface LoginResult {

    /** Password (and TOTP where enrolled) accepted. */
    record Success(UUID userId, String username, boolean passwordChangeRequired) implements LoginResult {
    }

    /** The password was right and the user has TOTP: ask for the code. */
    record TotpRequired(UUID userId) implements LoginResult {
    }

    /** Wrong credentials, locked or disabled; the message never tells which user names exist. */
    record Refused(String message, long retryAfterSeconds) implements LoginResult {
    }
}
