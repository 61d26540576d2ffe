package dev.vigil.eventstore.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;

/** A byte array that grows as it is written; strings are encoded by the JDK's intrinsic UTF-8 encoder. */
final class GrowableDataOutput extends DataOutput {
    private byte[] bytes;
    private int length;

    GrowableDataOutput(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    @Override
    public void writeByte(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    @Override
    public void writeBytes(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Same format as {@link DataOutput#writeString}: the UTF-8 length as a vint, then the bytes. */
    @Override
    public void writeString(String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeVInt(utf8.length);
        writeBytes(utf8, 0, utf8.length);
    }

    BytesRef toBytesRef() {
        return new BytesRef(bytes, 0, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
