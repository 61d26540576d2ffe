package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One output direction of a relayed channel (the target's stdout or stderr to the operator): every read is handed to
 * the recording, then written on. The destination is flushed only when the source has nothing more to read right now,
 * not after every read: while bulk output keeps arriving, the bytes of consecutive reads go out as full SSH packets
 * instead of one full packet and a short remainder per read; whenever the next read would wait, what was written is
 * sent first, so a prompt or an echo is never held back.
 */
final class OutputPump {

    /** Receives every relayed chunk before it is written on (the session recording). */
    interface Tap {
        void output(byte[] bytes, int offset, int length);
    }

    private OutputPump() {
    }

    /** Relays until the source ends (then flushes) or either side fails (then returns quietly: the channel is ending). */
    static void run(InputStream from, OutputStream to, Tap tap) {
        RelayBuffer buffer = new RelayBuffer();
        try {
            for (int n = buffer.read(from); n >= 0; n = buffer.read(from)) {
                tap.output(buffer.bytes(), 0, n);
                to.write(buffer.bytes(), 0, n);
                if (!moreToRead(from)) {
                    to.flush();
                }
            }
            to.flush();
        } catch (IOException | RuntimeException e) {
            // either side closed
        }
    }

    /** Whether the next read returns at once. MINA's piped stream answers 0 when empty or closed, -1 at its end. */
    private static boolean moreToRead(InputStream from) {
        try {
            return from.available() > 0;
        } catch (IOException e) {
            // a broken source: send what was written before the next read fails
            return false;
        }
    }
}
