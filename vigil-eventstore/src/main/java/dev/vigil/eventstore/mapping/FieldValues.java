package dev.vigil.eventstore.mapping;

/** How event field values read as keywords and as numbers, the same way when indexing and when querying. */
public final class FieldValues {

    private FieldValues() {
    }

    public static String text(Object value) {
        return value instanceof String text ? text : String.valueOf(value);
    }

    /** The value as a long, or null: integral numbers and strings of decimal digits (with an optional sign). */
    public static Long asLong(Object value) {
        return switch (value) {
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case String text -> parseLong(text);
            default -> null;
        };
    }

    /** The value as a double, or null: any number, and strings in decimal or scientific notation. */
    public static Double asDouble(Object value) {
        return switch (value) {
            case Number number -> number.doubleValue();
            case String text -> parseDouble(text);
            default -> null;
        };
    }

    public static Long parseLong(String text) {
        int length = text.length();
        int start = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (length == start || length - start > 19) {
            return null;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Double parseDouble(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return null;
            }
        }
        if (!digit) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
