package dev.vigil.server.incident;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The file types an incident takes as attachments, recognised by extension and checked against the content (magic
 * bytes; text must be UTF-8 without NUL bytes), so that a renamed executable is refused.
 */
final class AttachmentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"), Map.entry("md", "text/plain"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"), Map.entry("eml", "message/rfc822"),
            Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("zip", "application/zip"), Map.entry("pcap", "application/vnd.tcpdump.pcap"),
            Map.entry("pcapng", "application/vnd.tcpdump.pcap"));

    private AttachmentTypes() {
    }

    static String allowedExtensions() {
        return String.join(", ", BY_EXTENSION.keySet().stream().sorted().toList());
    }

    /** The content type of the file, or IllegalArgumentException saying why it is refused. */
    static String check(String filename, String declaredType, byte[] content) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = BY_EXTENSION.get(extension);
        if (type == null) {
            throw new IllegalArgumentException("files of type '." + extension + "' are not accepted; accepted: " + allowedExtensions());
        }
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(type)
                && !(type.startsWith("text/") && declared.startsWith("text/"))) {
            throw new IllegalArgumentException(filename + " was sent as " + declared + " but its name says " + type);
        }
        if (!contentMatches(type, content)) {
            throw new IllegalArgumentException("the content of " + filename + " is not " + type);
        }
        return type;
    }

    private static boolean contentMatches(String type, byte[] content) {
        return switch (type) {
            case "application/pdf" -> startsWith(content, '%', 'P', 'D', 'F', '-');
            case "image/png" -> startsWith(content, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
            case "image/jpeg" -> startsWith(content, 0xff, 0xd8, 0xff);
            case "application/zip" -> startsWith(content, 'P', 'K', 3, 4) || startsWith(content, 'P', 'K', 5, 6);
            case "application/vnd.tcpdump.pcap" -> startsWith(content, 0xd4, 0xc3, 0xb2, 0xa1) || startsWith(content, 0xa1, 0xb2, 0xc3, 0xd4)
                    || startsWith(content, 0x4d, 0x3c, 0xb2, 0xa1) || startsWith(content, 0xa1, 0xb2, 0x3c, 0x4d)
                    || startsWith(content, 0x0a, 0x0d, 0x0d, 0x0a);
            default -> isText(content);
        };
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(content, magic.length), toBytes(magic));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
