package dev.vigil.vuln.catalog;

import java.util.regex.Pattern;

/** The CVE identifier syntax, {@code CVE-YYYY-NNNN} with four or more digits. */
final class CveId {

    private static final Pattern SYNTAX = Pattern.compile("CVE-\\d{4}-\\d{4,19}");

    private CveId() {
    }

    static boolean isValid(String value) {
        return value != null && SYNTAX.matcher(value).matches();
    }
}
