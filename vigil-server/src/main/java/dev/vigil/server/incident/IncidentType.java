package dev.vigil.server.incident;

import java.util.Arrays;
import java.util.List;

/** The kinds of incident an emergency plan and its task templates are written for. */
public enum IncidentType {
    ACCOUNT_COMPROMISE("account-compromise"), MALWARE("malware"), DATA_LEAKAGE("data-leakage"), DDOS("ddos"),
    VULNERABILITY_EXPLOITATION("vulnerability-exploitation"), INSIDER_MISUSE("insider-misuse"), OTHER("other");

    private final String code;

    IncidentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(IncidentType::code).toList();
    }

    public static IncidentType parse(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown incident type '" + code + "'; types: " + String.join(", ", codes())));
    }
}
