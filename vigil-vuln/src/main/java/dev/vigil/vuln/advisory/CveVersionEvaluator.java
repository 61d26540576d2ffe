package dev.vigil.vuln.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.vigil.vuln.advisory.version.IncomparableVersionException;
import dev.vigil.vuln.advisory.version.VersionScheme;
import dev.vigil.vuln.advisory.version.VersionSchemes;

/**
 * The status of a version under a CVE record's {@code versions[]} and {@code defaultStatus}, as the CVE schema
 * describes: a single-version entry applies to that version; a range applies from {@code version} (where {@code 0},
 * {@code *}, {@code n/a} or {@code unspecified} mean "from the first") up to {@code lessThan} ({@code *}: no end) or
 * {@code lessThanOrEqual}, its status changed by each {@code changes[].at} at or below the version; versions no entry
 * covers take the default status (unknown when none is given). When entries disagree, affected wins.
 */
final class CveVersionEvaluator {

    private static final Set<String> OPEN_START = Set.of("0", "*", "n/a", "unspecified", "-", "all");

    private CveVersionEvaluator() {
    }

    static Verdict evaluate(AffectedPackage entry, String version) {
        String decided = null;
        String fixed = null;
        String because = null;
        List<String> unknown = new ArrayList<>();
        for (VersionStatement statement : entry.statements()) {
            Optional<VersionScheme> scheme = VersionSchemes.forCveVersionType(statement.versionType(), entry.ecosystem());
            if (scheme.isEmpty()) {
                unknown.add("versionType " + statement.versionType() + " names commits, not versions");
                continue;
            }
            try {
                String status = statusOf(statement, version, scheme.get());
                if (status == null) {
                    continue;
                }
                if (decided == null || rank(status) > rank(decided)) {
                    decided = status;
                    because = describe(statement);
                    fixed = status.equals("affected") ? fixOf(statement, version, scheme.get()) : null;
                }
            } catch (IncomparableVersionException e) {
                unknown.add(e.getMessage());
            }
        }
        if (decided != null && !decided.equals("unknown")) {
            return decided.equals("affected") ? Verdict.affected(fixed, because) : Verdict.notAffected(because);
        }
        if (!unknown.isEmpty()) {
            return Verdict.unknown(String.join("; ", unknown));
        }
        if (decided == null && entry.defaultStatus() != null && !entry.defaultStatus().equals("unknown")) {
            return entry.defaultStatus().equals("affected") ? Verdict.affected(null, "default status affected")
                    : Verdict.notAffected("no version entry covers it and the default status is unaffected");
        }
        return Verdict.unknown("the record does not say whether version " + version + " is affected");
    }

    /** The status the statement gives the version, or null when it does not cover it. */
    private static String statusOf(VersionStatement s, String version, VersionScheme scheme) throws IncomparableVersionException {
        if (!s.isRange()) {
            return same(s.version(), version, scheme) ? s.status() : null;
        }
        boolean fromStart = OPEN_START.contains(s.version().toLowerCase(java.util.Locale.ROOT));
        if (!fromStart && scheme.compare(version, s.version()) < 0) {
            return null;
        }
        boolean below = s.lessThan() != null
                ? s.lessThan().equals("*") || scheme.compare(version, s.lessThan()) < 0
                : scheme.compare(version, s.lessThanOrEqual()) <= 0;
        if (!below) {
            return null;
        }
        String status = s.status();
        String at = null;
        for (VersionStatement.Change change : s.changes()) {
            if (scheme.compare(version, change.at()) >= 0 && (at == null || scheme.compare(change.at(), at) > 0)) {
                at = change.at();
                status = change.status();
            }
        }
        return status;
    }

    /** The first version above the installed one where an affected range ends or changes to unaffected. */
    private static String fixOf(VersionStatement s, String version, VersionScheme scheme) throws IncomparableVersionException {
        String best = s.lessThan() != null && !s.lessThan().equals("*") ? s.lessThan() : null;
        for (VersionStatement.Change change : s.changes()) {
            if (change.status().equals("unaffected") && scheme.compare(change.at(), version) > 0
                    && (best == null || scheme.compare(change.at(), best) < 0)) {
                best = change.at();
            }
        }
        return best;
    }

    private static boolean same(String a, String b, VersionScheme scheme) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return scheme.compare(a, b) == 0;
        } catch (IncomparableVersionException e) {
            return false;
        }
    }

    private static int rank(String status) {
        return switch (status) {
            case "affected" -> 2;
            case "unaffected" -> 1;
            default -> 0;
        };
    }

    private static String describe(VersionStatement s) {
        if (!s.isRange()) {
            return "version " + s.version() + " " + s.status();
        }
        return s.status() + " from " + s.version() + (s.lessThan() != null ? " below " + s.lessThan()
                : " up to " + s.lessThanOrEqual());
    }
}
