package dev.vigil.bastion.kex;

import java.time.Duration;

/**
 * How many client key pairs for the upstream post-quantum hybrid key exchange are made ahead of time, and how long one
 * may wait unused before it is discarded (docs/BASTION.md "Key exchange key pairs made ahead of time").
 *
 * @param size   key pairs kept ready (0: none, every login makes its own as MINA does)
 * @param maxAge the longest an unused key pair is kept
 */
public record KexKeyPoolSettings(int size, Duration maxAge) {

    public static final int MAX_SIZE = 16;
    public static final Duration MAX_AGE_LIMIT = Duration.ofHours(1);
    /** Covers a few logins in a row (a script, a multi-channel client); refills in the background within a second. */
    public static final KexKeyPoolSettings DEFAULT = new KexKeyPoolSettings(4, Duration.ofMinutes(5));
    public static final KexKeyPoolSettings OFF = new KexKeyPoolSettings(0, Duration.ofMinutes(5));

    public KexKeyPoolSettings {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("the key pair pool size must be 0 to " + MAX_SIZE + ": " + size);
        }
        if (maxAge == null || maxAge.compareTo(Duration.ofSeconds(1)) < 0 || maxAge.compareTo(MAX_AGE_LIMIT) > 0) {
            throw new IllegalArgumentException("the key pair maximum age must be 1s to 1h: " + maxAge);
        }
    }
}
