package dev.vigil.vuln.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.vigil.vuln.advisory.version.IncomparableVersionException;
import dev.vigil.vuln.advisory.version.VersionScheme;
import dev.vigil.vuln.advisory.version.VersionSchemes;

/**
 * Whether a version falls in an OSV entry's ranges or explicit versions, following the schema's evaluation: events
 * sorted by version, each {@code introduced} at or below the version opens, each {@code fixed} at or below it and
 * each {@code last_affected} below it closes; {@code limit} bounds the range; {@code introduced: "0"} is the lowest
 * version. GIT ranges name commits, so they cannot place a version and make the answer "cannot tell" unless
 * another range or the explicit list decides.
 */
final class OsvVersionEvaluator {

    private OsvVersionEvaluator() {
    }

    static Verdict evaluate(AffectedPackage entry, String version) {
        Optional<VersionScheme> ecosystemScheme = VersionSchemes.forEcosystem(entry.ecosystem());
        List<String> unknown = new ArrayList<>();
        for (AffectedRange range : entry.ranges()) {
            if (range.type() == AffectedRange.Type.GIT) {
                unknown.add("GIT range of " + range.repo() + " names commits, not versions");
                continue;
            }
            VersionScheme scheme = range.type() == AffectedRange.Type.SEMVER ? VersionSchemes.SEMVER : ecosystemScheme.orElse(null);
            if (scheme == null) {
                unknown.add("no version order is known for ecosystem " + entry.ecosystem());
                continue;
            }
            try {
                RangeResult result = inRange(range, version, scheme);
                if (result.affected()) {
                    return Verdict.affected(result.fixed(), range.type() + " range " + describe(range));
                }
            } catch (IncomparableVersionException e) {
                unknown.add(e.getMessage());
            }
        }
        for (String listed : entry.versions()) {
            if (sameVersion(listed, version, ecosystemScheme)) {
                return Verdict.affected(firstFixed(entry, version, ecosystemScheme), "version " + listed + " is listed as affected");
            }
        }
        if (!unknown.isEmpty()) {
            return Verdict.unknown(String.join("; ", unknown));
        }
        return Verdict.notAffected("outside the affected ranges and versions");
    }

    private record RangeResult(boolean affected, String fixed) {
    }

    private static RangeResult inRange(AffectedRange range, String version, VersionScheme scheme)
            throws IncomparableVersionException {
        List<AffectedRange.Event> events = new ArrayList<>();
        for (AffectedRange.Event event : range.events()) {
            if (event.kind() == AffectedRange.EventKind.LIMIT) {
                if (scheme.compare(version, event.version()) >= 0) {
                    return new RangeResult(false, null);
                }
            } else {
                events.add(event);
            }
        }
        sort(events, scheme);
        boolean affected = false;
        for (AffectedRange.Event event : events) {
            if (isZero(event)) {
                affected = true;
                continue;
            }
            int c = scheme.compare(version, event.version());
            switch (event.kind()) {
                case INTRODUCED -> affected = affected || c >= 0;
                case FIXED -> {
                    if (c >= 0) {
                        affected = false;
                    } else if (affected) {
                        return new RangeResult(true, event.version());
                    }
                }
                case LAST_AFFECTED -> {
                    if (c > 0) {
                        affected = false;
                    }
                }
                case LIMIT -> throw new IllegalStateException("limits were taken out above");
            }
        }
        return new RangeResult(affected, null);
    }

    /** Insertion sort, because the comparison can refuse and {@code List.sort} cannot pass that on. */
    private static void sort(List<AffectedRange.Event> events, VersionScheme scheme) throws IncomparableVersionException {
        for (int i = 1; i < events.size(); i++) {
            AffectedRange.Event current = events.get(i);
            int j = i - 1;
            while (j >= 0 && before(current, events.get(j), scheme)) {
                events.set(j + 1, events.get(j));
                j--;
            }
            events.set(j + 1, current);
        }
    }

    private static boolean before(AffectedRange.Event a, AffectedRange.Event b, VersionScheme scheme)
            throws IncomparableVersionException {
        if (isZero(a) || isZero(b)) {
            return isZero(a) && !isZero(b);
        }
        return scheme.compare(a.version(), b.version()) < 0;
    }

    private static boolean isZero(AffectedRange.Event event) {
        return event.kind() == AffectedRange.EventKind.INTRODUCED && event.version().equals("0");
    }

    private static boolean sameVersion(String listed, String version, Optional<VersionScheme> scheme) {
        if (listed.equals(version)) {
            return true;
        }
        try {
            return scheme.isPresent() && scheme.get().compare(listed, version) == 0;
        } catch (IncomparableVersionException e) {
            return false;
        }
    }

    /** The fix of a version listed explicitly: the lowest {@code fixed} above it in the entry's ranges, if any. */
    private static String firstFixed(AffectedPackage entry, String version, Optional<VersionScheme> scheme) {
        String best = null;
        for (AffectedRange range : entry.ranges()) {
            VersionScheme s = range.type() == AffectedRange.Type.SEMVER ? VersionSchemes.SEMVER : scheme.orElse(null);
            if (s == null || range.type() == AffectedRange.Type.GIT) {
                continue;
            }
            for (AffectedRange.Event event : range.events()) {
                try {
                    if (event.kind() == AffectedRange.EventKind.FIXED && s.compare(event.version(), version) > 0
                            && (best == null || s.compare(event.version(), best) < 0)) {
                        best = event.version();
                    }
                } catch (IncomparableVersionException e) {
                    // a fix we cannot place is not offered as the fix
                }
            }
        }
        return best;
    }

    private static String describe(AffectedRange range) {
        StringBuilder text = new StringBuilder();
        for (AffectedRange.Event event : range.events()) {
            text.append(text.isEmpty() ? "" : ", ").append(event.kind().field()).append(' ').append(event.version());
        }
        return text.toString();
    }
}
