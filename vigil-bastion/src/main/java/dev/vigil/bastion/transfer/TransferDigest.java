package dev.vigil.bastion.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SHA-256 of a file's content assembled from chunks at offsets, as SFTP moves it: chunks may arrive out of order
 * (pipelined requests) or overlap (a short read asked again); those ahead of the hashed prefix wait, up to a cap. The
 * digest exists only when the chunks covered the file from offset 0 without a gap.
 */
final class TransferDigest {

    static final long MAX_WAITING = 16L * 1024 * 1024;

    private final MessageDigest sha256;
    private final TreeMap<Long, byte[]> waiting = new TreeMap<>();
    private long waitingBytes;
    private long next;
    private long bytes;
    private boolean broken;

    TransferDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Data moved at {@code offset}; sequential data is hashed at once. */
    void accept(long offset, byte[] data, int from, int length) {
        bytes += length;
        if (broken || length == 0) {
            return;
        }
        if (offset > next) {
            if (waitingBytes + length > MAX_WAITING) {
                broken = true;
                waiting.clear();
                return;
            }
            byte[] copy = new byte[length];
            System.arraycopy(data, from, copy, 0, length);
            waiting.merge(offset, copy, (a, b) -> a.length >= b.length ? a : b);
            waitingBytes += length;
            return;
        }
        append(offset, data, from, length);
        while (!waiting.isEmpty() && waiting.firstKey() <= next) {
            Map.Entry<Long, byte[]> first = waiting.pollFirstEntry();
            waitingBytes -= first.getValue().length;
            append(first.getKey(), first.getValue(), 0, first.getValue().length);
        }
    }

    private void append(long offset, byte[] data, int from, int length) {
        long skip = next - offset;
        if (skip >= length) {
            return;
        }
        sha256.update(data, from + (int) skip, length - (int) skip);
        next = offset + length;
    }

    /** Bytes of file data seen, repeats included. */
    long bytes() {
        return bytes;
    }

    /** The digest of bytes 0..n if they arrived without a gap; ends this digest. */
    Optional<String> finish() {
        if (broken || !waiting.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(sha256.digest()));
    }
}
