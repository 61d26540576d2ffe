package dev.vigil.detect.baseline.eval;

/** The attacks the evaluation injects into the real log. */
public enum Scenario {
    /** many failed passwords from one new source against one account */
    BRUTE_FORCE("brute_force"),
    /** one attempt each for many accounts from one to three new sources */
    CREDENTIAL_STUFFING("credential_stuffing"),
    /** an existing user signs in successfully from a network never seen */
    NEW_NETWORK_LOGIN("new_network_login"),
    /** a workstation sends many times its usual hourly volume */
    EXFILTRATION("exfiltration");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
