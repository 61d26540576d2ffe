package dev.vigil.intel.canonical;

import java.util.Locale;

/** Canonical domain names: refanged, trimmed, lower-case, without the trailing root dot. */
public final class DomainNames {

    private DomainNames() {
    }

    /** The canonical form, or null when nothing usable remains (empty, contains spaces or slashes, empty labels). */
    public static String canonicalize(String text) {
        String value = Refanger.refang(text.strip()).toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 253 || value.startsWith(".") || value.contains("..")) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '/' || c == '@' || c == '\\' || c == '?' || c == '#') {
                return null;
            }
        }
        return value;
    }
}
