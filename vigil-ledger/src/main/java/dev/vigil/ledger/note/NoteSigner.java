package dev.vigil.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * An Ed25519 signed-note signer. Its text form is the one of Go's {@code golang.org/x/mod/sumdb/note}:
 * {@code PRIVATE+KEY+name+hex(keyID)+base64(0x01 || 32-byte seed)}. The key text is a secret: keep it outside the
 * application database.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final PrivateKey privateKey;
    private final NoteVerifierKey verifierKey;

    private NoteSigner(String name, byte[] seed) throws GeneralSecurityException {
        this.name = name;
        this.seed = seed.clone();
        this.privateKey = Ed25519Keys.privateKey(seed);
        this.verifierKey = new NoteVerifierKey(name, Ed25519Keys.publicKeyOfSeed(seed));
    }

    /** A signer for {@code name} from a 32-byte RFC 8032 private key seed. */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        if (!KeyNames.isValidName(name)) {
            throw new IllegalArgumentException("key name \"" + name + "\" is empty or contains white space or '+'");
        }
        if (seed.length != Ed25519Keys.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        try {
            return new NoteSigner(name, seed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK Ed25519 provider is unavailable", e);
        }
    }

    /** A fresh random key for {@code name}. */
    public static NoteSigner generate(String name) {
        try {
            KeyPair pair = Ed25519Keys.generate();
            return fromSeed(name, Ed25519Keys.rawPrivateKey(pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK Ed25519 provider is unavailable", e);
        }
    }

    public static NoteSigner parse(String signerKey) throws NoteFormatException {
        if (!signerKey.startsWith(PREFIX)) {
            throw new NoteFormatException("signer key does not start with " + PREFIX);
        }
        String rest = signerKey.substring(PREFIX.length());
        String[] parts = rest.split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteFormatException("signer key is not of the form PRIVATE+KEY+name+keyid+base64key");
        }
        byte[] typed = Base64Strict.decode(parts[2]);
        if (!KeyNames.isValidName(parts[0]) || !parts[1].matches("[0-9a-fA-F]{8}") || typed == null
                || typed.length != 1 + Ed25519Keys.KEY_SIZE || typed[0] != KeyNames.ED25519_TYPE) {
            throw new NoteFormatException("signer key has an invalid name, key id or Ed25519 key");
        }
        NoteSigner signer = fromSeed(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (signer.verifierKey.keyId() != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new NoteFormatException("signer key id " + parts[1] + " does not match its name and key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /** Ed25519 signature of the UTF-8 bytes of {@code text}. */
    public byte[] sign(String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The secret text form; never log it. */
    public String toSignerKeyText() {
        byte[] typed = new byte[1 + seed.length];
        typed[0] = KeyNames.ED25519_TYPE;
        System.arraycopy(seed, 0, typed, 1, seed.length);
        return PREFIX + name + "+" + KeyNames.hex(verifierKey.keyId()) + "+" + Base64Strict.encode(typed);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey + "]";
    }
}
