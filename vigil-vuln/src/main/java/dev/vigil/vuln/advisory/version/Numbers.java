package dev.vigil.vuln.advisory.version;

/** Comparison of digit strings of any length (versions carry dates and build numbers beyond {@code long}). */
final class Numbers {

    private Numbers() {
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Compares two non-empty digit strings by value. */
    static int compare(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : Integer.signum(x.compareTo(y));
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
