package dev.vigil.vuln.advisory;

/**
 * Whether one installed version is affected by an advisory entry.
 *
 * @param fixedVersion the first version that fixes it when the advisory says so, else null
 * @param reason       why: the range or statement that decided, or why it cannot be told
 */
public record Verdict(Status status, String fixedVersion, String reason) {

    public enum Status {
        AFFECTED,
        NOT_AFFECTED,
        /** The advisory cannot be evaluated for this version (GIT ranges, versions outside the ecosystem's order, unknown status). */
        UNKNOWN
    }

    static Verdict affected(String fixed, String reason) {
        return new Verdict(Status.AFFECTED, fixed, reason);
    }

    static Verdict notAffected(String reason) {
        return new Verdict(Status.NOT_AFFECTED, null, reason);
    }

    static Verdict unknown(String reason) {
        return new Verdict(Status.UNKNOWN, null, reason);
    }
}
