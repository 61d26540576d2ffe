package dev.vigil.vuln.advisory;

/** An advisory entry that names an installed package, and what it says about the installed version. */
public record AdvisoryMatch(Advisory advisory, AffectedPackage entry, InstalledPackage installed, Verdict verdict) {
}
