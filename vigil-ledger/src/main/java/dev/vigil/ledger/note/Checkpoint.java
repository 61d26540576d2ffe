package dev.vigil.ledger.note;

import java.util.Arrays;
import java.util.List;

import dev.vigil.ledger.merkle.MerkleHash;

/**
 * A C2SP tlog-checkpoint body: origin line, decimal tree size, base64 root hash, optional extension lines. This is
 * the text of a signed note; it binds the log identity, the tree size and the root together.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("checkpoint origin must be a non-empty single line");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative");
        }
        if (rootHash == null || rootHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("root hash must be 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            if (extension.isEmpty() || extension.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("checkpoint extension lines must be non-empty single lines");
            }
        }
    }

    public Checkpoint(String origin, long treeSize, byte[] rootHash) {
        this(origin, treeSize, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String rootHashBase64() {
        return Base64Strict.encode(rootHash);
    }

    /** The note text, ending in a newline. */
    public String toText() {
        StringBuilder text = new StringBuilder(origin).append('\n').append(treeSize).append('\n')
                .append(rootHashBase64()).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Parses a checkpoint body strictly (the text of an already parsed signed note). */
    public static Checkpoint parse(String text) throws NoteFormatException {
        if (!text.endsWith("\n")) {
            throw new NoteFormatException("checkpoint text does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new NoteFormatException("checkpoint needs an origin, a tree size and a root hash line");
        }
        if (lines[0].isEmpty()) {
            throw new NoteFormatException("checkpoint line 1: origin is empty");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new NoteFormatException("checkpoint line 2: tree size \"" + lines[1]
                    + "\" is not a decimal number without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new NoteFormatException("checkpoint line 2: tree size " + lines[1] + " is too large");
        }
        byte[] root = Base64Strict.decode(lines[2]);
        if (root == null || root.length != MerkleHash.SIZE) {
            throw new NoteFormatException("checkpoint line 3: root hash is not base64 of 32 bytes");
        }
        List<String> extensions = Arrays.asList(lines).subList(3, lines.length);
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).isEmpty()) {
                throw new NoteFormatException("checkpoint line " + (i + 4) + ": empty extension line");
            }
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && origin.equals(c.origin) && treeSize == c.treeSize
                && Arrays.equals(rootHash, c.rootHash) && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(treeSize)) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + " size " + treeSize + " root " + rootHashBase64() + "]";
    }
}
