package dev.vigil.detect.baseline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Saves and restores a detector's learned state as bytes: magic {@code VGBL}, format version, the detector's kind, then
 * the detector's own encoding (DataOutput: big-endian numbers, modified UTF-8 strings). The configuration is not stored:
 * the server keeps it in its settings and restores the state into a detector built from it. Restoring a snapshot of
 * another kind or of an unknown version fails rather than guessing.
 */
public final class BaselineSnapshots {

    static final int MAGIC = 0x5647424C; // "VGBL"
    public static final int VERSION = 1;

    private BaselineSnapshots() {
    }

    public static byte[] save(BaselineDetector detector) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            save(detector, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void save(BaselineDetector detector, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeUTF(detector.kind());
        detector.writeState(out);
        out.flush();
    }

    public static void restore(BaselineDetector detector, byte[] snapshot) throws IOException {
        restore(detector, new ByteArrayInputStream(snapshot));
    }

    public static void restore(BaselineDetector detector, InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Vigil baseline snapshot");
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new IOException("baseline snapshot version " + version + " is not supported (expected " + VERSION + ")");
        }
        String kind = in.readUTF();
        if (!kind.equals(detector.kind())) {
            throw new IOException("snapshot of a " + kind + " detector cannot restore a " + detector.kind() + " detector");
        }
        detector.readState(in);
    }
}
