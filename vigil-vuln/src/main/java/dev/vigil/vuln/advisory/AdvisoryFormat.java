package dev.vigil.vuln.advisory;

/** The record formats advisories are read from. */
public enum AdvisoryFormat {
    OSV("OSV"), CVE_JSON5("CVE JSON 5");

    private final String displayName;

    AdvisoryFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
