package dev.vigil.detect.baseline.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import dev.vigil.detect.baseline.TermTransform;

/**
 * Generates labelled attack events deterministically from a seed. Attacks start after a warm-up period, at random
 * times within the real log's span; sources come from networks (/16) that the real log never shows.
 */
final class AttackInjector {

    private static final List<String> COMMON_TARGETS = List.of("root", "admin", "test", "oracle", "postgres", "git");
    private static final List<String> NAMES = List.of("anna", "ben", "carla", "dmitri", "elena", "farid", "grace",
            "hiro", "ines", "jonas", "kemal", "lena", "marco", "nadia", "oskar", "pia", "quentin", "rosa", "sven",
            "tara", "umar", "vera", "wen", "xavier", "yara", "zeno");

    private final Random random;
    private final List<AuthEvent> background;
    private final Instant start;
    private final Instant end;
    private final String server;
    private final Set<String> knownNetworks = new HashSet<>();

    AttackInjector(long seed, List<AuthEvent> background, Duration warmup) {
        this.random = new Random(seed);
        this.background = background;
        Instant first = background.getFirst().timestamp();
        this.start = first.plus(warmup);
        this.end = background.getLast().timestamp().minus(Duration.ofHours(2));
        this.server = background.getFirst().host();
        for (AuthEvent event : background) {
            if (event.src() != null) {
                knownNetworks.add(TermTransform.IPV4_NETWORK_16.apply(event.src()));
            }
        }
    }

    /** The events of the next instance; call with instance = 0, 1, 2 ... so that the draws stay reproducible. */
    List<AuthEvent> instance(Scenario scenario, int instance) {
        List<AuthEvent> events = new ArrayList<>();
        switch (scenario) {
            case BRUTE_FORCE -> bruteForce(events, instance);
            case CREDENTIAL_STUFFING -> stuffing(events, instance);
            case NEW_NETWORK_LOGIN -> newNetwork(events, instance);
            case EXFILTRATION -> exfiltration(events, instance);
        }
        return events;
    }

    private void bruteForce(List<AuthEvent> events, int instance) {
        Instant t = randomTime();
        String src = freshAddress();
        String user = random.nextInt(3) == 0 ? randomRealUser() : COMMON_TARGETS.get(random.nextInt(COMMON_TARGETS.size()));
        int attempts = 20 + random.nextInt(61);
        for (int a = 0; a < attempts; a++) {
            t = t.plusSeconds(1 + random.nextInt(6));
            events.add(login(t, AuthEvent.Kind.LOGIN_FAILED, user, src, Scenario.BRUTE_FORCE, instance));
        }
    }

    private void stuffing(List<AuthEvent> events, int instance) {
        Instant t = randomTime();
        int sources = 1 + random.nextInt(3);
        List<String> addresses = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            addresses.add(freshAddress());
        }
        int accounts = 20 + random.nextInt(41);
        long spreadSeconds = 600 + random.nextInt(1800);
        for (int a = 0; a < accounts; a++) {
            String user = NAMES.get(random.nextInt(NAMES.size())) + (random.nextInt(90) + 10);
            Instant at = t.plusSeconds(spreadSeconds * a / accounts);
            events.add(login(at, AuthEvent.Kind.LOGIN_FAILED, user, addresses.get(a % sources),
                    Scenario.CREDENTIAL_STUFFING, instance));
        }
    }

    private void newNetwork(List<AuthEvent> events, int instance) {
        Instant t = randomTime();
        String user = userActiveBefore(t);
        events.add(login(t, AuthEvent.Kind.LOGIN_ACCEPTED, user, freshAddress(), Scenario.NEW_NETWORK_LOGIN, instance));
    }

    private void exfiltration(List<AuthEvent> events, int instance) {
        Instant t = randomTime();
        // start in the first quarter of a clock hour so that the transfer stays within one hour
        t = t.minusSeconds(t.getEpochSecond() % 3600).plusSeconds(random.nextInt(900));
        String user = userActiveBefore(t);
        double typicalHour = typicalHourBytes(user, t);
        double total = typicalHour * (10 + random.nextInt(31));
        int parts = 4 + random.nextInt(5);
        for (int p = 0; p < parts; p++) {
            events.add(BackgroundTransfers.transfer(t.plusSeconds(p * (2400L / parts)), user, Math.round(total / parts),
                    Scenario.EXFILTRATION.label(), instance));
        }
    }

    private AuthEvent login(Instant time, AuthEvent.Kind kind, String user, String src, Scenario scenario,
            int instance) {
        return new AuthEvent(time, kind, server, user, src, -1, scenario.label(), instance);
    }

    /** The median volume of the user's active hours before {@code t}. */
    private double typicalHourBytes(String user, Instant t) {
        Map<Long, Long> perHour = new TreeMap<>();
        for (AuthEvent e : background) {
            if (e.kind() == AuthEvent.Kind.TRANSFER && user.equals(e.user()) && e.timestamp().isBefore(t)) {
                perHour.merge(e.timestamp().getEpochSecond() / 3600, e.bytes(), Long::sum);
            }
        }
        List<Long> volumes = perHour.values().stream().sorted().toList();
        return volumes.isEmpty() ? 1_000_000 : volumes.get(volumes.size() / 2);
    }

    private Instant randomTime() {
        long span = end.getEpochSecond() - start.getEpochSecond();
        return start.plusSeconds((long) (random.nextDouble() * span));
    }

    /** A public-looking IPv4 address in a /16 the real log never shows. */
    private String freshAddress() {
        while (true) {
            int a = 11 + random.nextInt(212);
            if (a == 127 || a == 169 || a == 172 || a == 192) {
                continue;
            }
            String address = a + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            if (knownNetworks.add(TermTransform.IPV4_NETWORK_16.apply(address))) {
                return address;
            }
        }
    }

    private String randomRealUser() {
        List<String> users = background.stream().filter(e -> e.kind() == AuthEvent.Kind.LOGIN_ACCEPTED)
                .map(AuthEvent::user).distinct().sorted().toList();
        return users.get(random.nextInt(users.size()));
    }

    /** A user with at least 8 accepted logins before {@code t}, the first a week or more earlier. */
    private String userActiveBefore(Instant t) {
        List<String> candidates = background.stream()
                .filter(e -> e.kind() == AuthEvent.Kind.LOGIN_ACCEPTED && e.timestamp().isBefore(t))
                .map(AuthEvent::user).distinct().sorted()
                .filter(u -> background.stream().filter(e -> e.kind() == AuthEvent.Kind.LOGIN_ACCEPTED
                        && u.equals(e.user()) && e.timestamp().isBefore(t)).count() >= 8)
                .filter(u -> background.stream().anyMatch(e -> u.equals(e.user())
                        && e.timestamp().isBefore(t.minus(Duration.ofDays(7)))))
                .toList();
        if (candidates.isEmpty()) {
            return randomRealUser();
        }
        return candidates.get(random.nextInt(candidates.size()));
    }
}
