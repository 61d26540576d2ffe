package dev.vigil.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * An Ed25519 signed-note verifier key, text form {@code name+hex(keyID)+base64(0x01 || publicKey)} (the
 * "vkey" of C2SP signed-note). The text is split on the first two {@code +} only: the base64 part may contain more.
 */
public final class NoteVerifierKey {

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey jdkKey;

    NoteVerifierKey(String name, byte[] publicKey) throws GeneralSecurityException {
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = KeyNames.keyId(name, publicKey);
        this.jdkKey = Ed25519Keys.publicKey(publicKey);
    }

    public static NoteVerifierKey parse(String vkey) throws NoteFormatException {
        int first = vkey.indexOf('+');
        int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
        if (second < 0) {
            throw new NoteFormatException("verifier key is not of the form name+keyid+base64key");
        }
        String name = vkey.substring(0, first);
        String idHex = vkey.substring(first + 1, second);
        byte[] typedKey = Base64Strict.decode(vkey.substring(second + 1));
        if (!KeyNames.isValidName(name)) {
            throw new NoteFormatException("verifier key name \"" + name + "\" is empty or contains white space or '+'");
        }
        if (!idHex.matches("[0-9a-fA-F]{8}")) {
            throw new NoteFormatException("verifier key id \"" + idHex + "\" is not 8 hex digits");
        }
        if (typedKey == null || typedKey.length != 1 + Ed25519Keys.KEY_SIZE || typedKey[0] != KeyNames.ED25519_TYPE) {
            throw new NoteFormatException("verifier key is not base64 of 0x01 followed by a 32-byte Ed25519 key");
        }
        NoteVerifierKey key;
        try {
            key = new NoteVerifierKey(name, Arrays.copyOfRange(typedKey, 1, typedKey.length));
        } catch (GeneralSecurityException e) {
            throw new NoteFormatException("verifier key is not a usable Ed25519 public key");
        }
        if (key.keyId != Integer.parseUnsignedInt(idHex, 16)) {
            throw new NoteFormatException("verifier key id " + idHex + " does not match its name and key (expected "
                    + KeyNames.hex(key.keyId) + ")");
        }
        return key;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** True when {@code signature} is a valid Ed25519 signature of the UTF-8 bytes of {@code text}. */
    public boolean verify(String text, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = KeyNames.ED25519_TYPE;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + KeyNames.hex(keyId) + "+" + Base64Strict.encode(typed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey k && name.equals(k.name) && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }
}
