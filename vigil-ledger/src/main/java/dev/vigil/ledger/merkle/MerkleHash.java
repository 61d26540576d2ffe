package dev.vigil.ledger.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 §2.1.1 hashing with SHA-256: {@code MTH({})}, leaf {@code H(0x00 || d)}, node {@code H(0x01 || l || r)}. */
public final class MerkleHash {

    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = newDigest().digest();
    /** MessageDigest lookups cost as much as hashing a leaf; each thread reuses its own instance. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHash::newDigest);

    private MerkleHash() {
    }

    /** The root of the empty tree: SHA-256 of the empty string, without any prefix byte. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] leaf(byte[] data) {
        return leaf(data, 0, data.length);
    }

    public static byte[] leaf(byte[] data, int offset, int length) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(data, offset, length);
        return digest.digest();
    }

    /** Writes the leaf hash of {@code data[offset, offset + length)} to {@code out[outOffset, outOffset + SIZE)}. */
    public static void leaf(byte[] data, int offset, int length, byte[] out, int outOffset) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(data, offset, length);
        finish(digest, out, outOffset);
    }

    /**
     * Writes the node hash of the two {@code SIZE}-byte children at {@code left[leftOffset]} and
     * {@code right[rightOffset]} to {@code out[outOffset]}; the output may overlap either child.
     */
    public static void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left, leftOffset, SIZE);
        digest.update(right, rightOffset, SIZE);
        finish(digest, out, outOffset);
    }

    private static void finish(MessageDigest digest, byte[] out, int outOffset) {
        try {
            digest.digest(out, outOffset, SIZE);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a " + SIZE + "-byte hash at offset " + outOffset, e);
        }
    }

    /** Interior node; the children are concatenated as given, whatever their length. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
