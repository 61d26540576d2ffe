package dev.vigil.detect.baseline.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic but plausible data volume: the auth log has no byte counts, so every accepted login of the real log
 * starts a session in which the user's workstation ({@code ws-<user>}) sends 1 to 4 transfers within 40 minutes. Each
 * user has a typical transfer size (log-normal across users around 300 kB, so fixed thresholds cannot fit everyone);
 * each transfer varies log-normally around it. The timing therefore follows the real users' working hours.
 */
final class BackgroundTransfers {

    private final Random random;
    private final Map<String, Double> typicalBytes = new HashMap<>();

    BackgroundTransfers(long seed) {
        this.random = new Random(seed);
    }

    /** A user's typical transfer size, drawn once per user. */
    double typicalBytes(String user) {
        return typicalBytes.computeIfAbsent(user, u -> 300_000 * Math.exp(1.2 * random.nextGaussian()));
    }

    List<AuthEvent> sessions(List<AuthEvent> logins) {
        List<AuthEvent> transfers = new ArrayList<>();
        for (AuthEvent login : logins) {
            if (login.kind() != AuthEvent.Kind.LOGIN_ACCEPTED) {
                continue;
            }
            double typical = typicalBytes(login.user());
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                Instant time = login.timestamp().plusSeconds(30 + random.nextInt(40 * 60));
                long bytes = Math.round(typical * Math.exp(0.8 * random.nextGaussian()));
                transfers.add(transfer(time, login.user(), bytes, null, -1));
            }
        }
        return transfers;
    }

    static AuthEvent transfer(Instant time, String user, long bytes, String scenario, int instance) {
        return new AuthEvent(time, AuthEvent.Kind.TRANSFER, "ws-" + user, user, null, bytes, scenario, instance);
    }
}
