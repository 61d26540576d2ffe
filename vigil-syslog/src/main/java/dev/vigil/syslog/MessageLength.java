package dev.vigil.syslog;

import java.util.function.Consumer;

/**
 * Where a frame's message ends, the same for every transport: trailing LF, CR and NUL bytes are left out (senders
 * such as rsyslog end even octet-counted frames with a newline), and a message longer than the limit is cut to it.
 */
final class MessageLength {

    private MessageLength() {
    }

    /**
     * @param frame           holds the frame's bytes from index 0
     * @param length          how many bytes of the frame {@code frame} holds
     * @param cut             whether the frame went on beyond those bytes (they are then not its end)
     * @param maxMessageBytes the longest message kept
     * @param errors          told when the message is cut to the limit
     * @return the message's length, 0 when the frame held nothing but trailers
     */
    static int of(byte[] frame, int length, boolean cut, int maxMessageBytes, Consumer<FramingError> errors) {
        int end = length;
        if (!cut) {
            while (end > 0 && isTrailer(frame[end - 1])) {
                end--;
            }
        }
        if (cut || end > maxMessageBytes) {
            errors.accept(FramingError.OVERSIZED_FRAME);
            end = Math.min(end, maxMessageBytes);
        }
        return end;
    }

    private static boolean isTrailer(byte b) {
        return b == '\n' || b == '\r' || b == 0;
    }
}
