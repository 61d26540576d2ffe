package dev.vigil.events.parse.windows;

import java.util.Locale;

import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.text.NumberText;

/** Copies Windows event values into common-schema fields, minding how Windows writes them. */
final class WindowsValues {
    /** What Windows writes for an absent value. */
    private static final String ABSENT = "-";

    private WindowsValues() {
    }

    /** Copies the text of {@code windowsName} to {@code ecsName}, unless it is absent or "-". */
    static void copy(EventFields fields, String windowsName, String ecsName) {
        String value = fields.text(windowsName);
        if (value != null && !ABSENT.equals(value)) {
            fields.put(ecsName, value);
        }
    }

    /** Copies an address only when it is an IP literal. */
    static void copyIp(EventFields fields, String windowsName, String ecsName) {
        fields.putIp(ecsName, fields.text(windowsName));
    }

    /** Copies a number written in decimal or as {@code 0x...} (4688 writes process ids in hex) as a Long. */
    static void copyNumber(EventFields fields, String windowsName, String ecsName) {
        Long value = NumberText.parseDecimalOrHex(fields.text(windowsName));
        if (value != null) {
            fields.put(ecsName, value.longValue());
        }
    }

    /** Copies a port, leaving out port 0 (Windows writes it when there was no network peer). */
    static void copyPort(EventFields fields, String windowsName, String ecsName) {
        Long value = NumberText.parseLong(fields.text(windowsName));
        if (value != null && value > 0) {
            fields.put(ecsName, value.longValue());
        }
    }

    /** Copies an executable path and its file name ({@code C:\Windows\cmd.exe} gives {@code cmd.exe}). */
    static void copyExecutable(EventFields fields, String windowsName, String ecsPrefix) {
        String path = fields.text(windowsName);
        if (path == null || path.isEmpty() || ABSENT.equals(path)) {
            return;
        }
        fields.put(ecsPrefix + ".executable", path);
        int separator = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        fields.put(ecsPrefix + ".name", path.substring(separator + 1));
    }

    /** Splits a backslash-qualified account name into {@code user.domain} and {@code user.name}. */
    static void copyQualifiedUser(EventFields fields, String windowsName) {
        String value = fields.text(windowsName);
        if (value == null || ABSENT.equals(value)) {
            return;
        }
        int backslash = value.indexOf('\\');
        fields.put("user.name", value.substring(backslash + 1));
        if (backslash > 0) {
            fields.put("user.domain", value.substring(0, backslash));
        }
    }

    /** Sysmon's {@code SHA1=...,MD5=...,SHA256=...,IMPHASH=...} as {@code <prefix>.hash.sha1} and so on. */
    static void copyHashes(EventFields fields, String windowsName, String ecsPrefix) {
        String value = fields.text(windowsName);
        if (value == null) {
            return;
        }
        int start = 0;
        while (start < value.length()) {
            int end = value.indexOf(',', start);
            end = end < 0 ? value.length() : end;
            int equals = value.indexOf('=', start);
            if (equals > start && equals < end) {
                String algorithm = value.substring(start, equals).toLowerCase(Locale.ROOT);
                if (algorithm.equals("md5") || algorithm.equals("sha1") || algorithm.equals("sha256")) {
                    fields.put(ecsPrefix + ".hash." + algorithm,
                            value.substring(equals + 1, end).toLowerCase(Locale.ROOT));
                }
            }
            start = end + 1;
        }
    }
}
