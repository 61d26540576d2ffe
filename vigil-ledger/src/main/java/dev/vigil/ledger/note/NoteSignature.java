package dev.vigil.ledger.note;

/** One signature line of a signed note: key name, key ID, and the signature bytes that follow the key ID. */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line without its newline: EM DASH, space, name, space, base64(keyID || signature). */
    String toLine() {
        byte[] payload = new byte[4 + signature.length];
        payload[0] = (byte) (keyId >>> 24);
        payload[1] = (byte) (keyId >>> 16);
        payload[2] = (byte) (keyId >>> 8);
        payload[3] = (byte) keyId;
        System.arraycopy(signature, 0, payload, 4, signature.length);
        return SignedNote.SIGNATURE_PREFIX + keyName + " " + Base64Strict.encode(payload);
    }
}
