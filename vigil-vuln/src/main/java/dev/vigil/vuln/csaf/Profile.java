package dev.vigil.vuln.csaf;

/** The CSAF 2.0 profiles (§4), named by {@code /document/category}. */
public enum Profile {
    BASE("csaf_base"),
    SECURITY_INCIDENT_RESPONSE("csaf_security_incident_response"),
    INFORMATIONAL_ADVISORY("csaf_informational_advisory"),
    SECURITY_ADVISORY("csaf_security_advisory"),
    VEX("csaf_vex");

    private final String category;

    Profile(String category) {
        this.category = category;
    }

    /** The value of {@code /document/category}. */
    public String category() {
        return category;
    }

    /** The profile of this exact category, or null for any other category (which is CSAF Base). */
    public static Profile of(String category) {
        for (Profile profile : values()) {
            if (profile.category.equals(category)) {
                return profile;
            }
        }
        return null;
    }
}
