package dev.vigil.server.identity;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 time-based one-time passwords: 30-second steps, 6 digits, HMAC-SHA1 (what authenticator apps expect).
 * A code is accepted one step early or late for clock drift; the step it matched is returned so that the caller can
 * refuse replays of the same or an older step.
 */
@Component
class TotpCodes {

    private static final Duration STEP = Duration.ofSeconds(30);
    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    TotpCodes(Clock clock) {
        this.clock = clock;
    }

    String newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The step the code belongs to, if it is valid now (±1 step). */
    OptionalLong verify(String base32Secret, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm());
        Instant now = Instant.now(clock);
        long currentStep = now.getEpochSecond() / STEP.getSeconds();
        for (long delta = -1; delta <= 1; delta++) {
            long step = currentStep + delta;
            try {
                int expected = generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
                if (String.format("%06d", expected).equals(code)) {
                    return OptionalLong.of(step);
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("invalid TOTP key", e);
            }
        }
        return OptionalLong.empty();
    }

    static String otpauthUri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
