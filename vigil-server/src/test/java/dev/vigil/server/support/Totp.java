package dev.vigil.server.support;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/** Computes TOTP codes as an authenticator app would (RFC 6238, 30 s, 6 digits, SHA-1). */
public final class Totp {

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);

    private Totp() {
    }

    /** The code of the current step plus {@code stepsAhead} (the server accepts one step of drift). */
    public static String code(String base32Secret, int stepsAhead) {
        long step = Instant.now().getEpochSecond() / 30 + stepsAhead;
        try {
            int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(new Base32().decode(base32Secret), GENERATOR.getAlgorithm()),
                    Instant.ofEpochSecond(step * 30));
            return String.format("%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
