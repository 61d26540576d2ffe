package dev.vigil.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more signature lines
 * {@code — <name> <base64(keyID || signature)>}. The signed message is the text including its final newline.
 * Parsing is strict (no control characters but newline, mandatory blank line, canonical base64, at most
 * {@value #MAX_SIGNATURES} signatures).
 */
public final class SignedNote {

    static final String SIGNATURE_PREFIX = "\u2014 ";
    static final int MAX_SIGNATURES = 100;

    private final String text;
    private final List<NoteSignature> signatures;

    private SignedNote(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} (which must end in a newline) with each signer. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        checkText(text);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(new NoteSignature(signer.name(), signer.verifierKey().keyId(), signer.sign(text)));
        }
        return new SignedNote(text, signatures);
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        text.chars().filter(c -> c < 0x20 && c != '\n').findAny().ifPresent(c -> {
            throw new IllegalArgumentException("note text contains a control character");
        });
    }

    public static SignedNote parse(byte[] note) throws NoteFormatException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            throw new NoteFormatException("note is not valid UTF-8");
        }
    }

    public static SignedNote parse(String note) throws NoteFormatException {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteFormatException("note contains control character U+" + String.format("%04X", (int) c)
                        + " at offset " + i);
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < note.length()
                    && Character.isLowSurrogate(note.charAt(++i)))) {
                throw new NoteFormatException("note is not valid Unicode at offset " + i);
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFormatException("note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new NoteFormatException("note has no signature lines, or they do not end with a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int lineNumber = (int) text.chars().filter(c -> c == '\n').count() + 1;
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            lineNumber++;
            signatures.add(parseSignatureLine(line, lineNumber));
            if (signatures.size() > MAX_SIGNATURES) {
                throw new NoteFormatException("note has more than " + MAX_SIGNATURES + " signatures");
            }
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature parseSignatureLine(String line, int lineNumber) throws NoteFormatException {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new NoteFormatException("line " + lineNumber + ": signature line does not start with an em dash and a space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new NoteFormatException("line " + lineNumber + ": signature line has no space between name and signature");
        }
        String name = rest.substring(0, space);
        byte[] payload = Base64Strict.decode(rest.substring(space + 1));
        if (!KeyNames.isValidName(name)) {
            throw new NoteFormatException("line " + lineNumber + ": invalid key name \"" + name + "\"");
        }
        if (payload == null || payload.length < 5) {
            throw new NoteFormatException("line " + lineNumber + ": signature is not base64 of a key id and a signature");
        }
        int keyId = ByteBuffer.wrap(payload, 0, 4).getInt();
        byte[] signature = new byte[payload.length - 4];
        System.arraycopy(payload, 4, signature, 0, signature.length);
        return new NoteSignature(name, keyId, signature);
    }

    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** Checks the signatures against {@code trusted}; see {@link NoteVerification} for the rule. */
    public NoteVerification verify(Collection<NoteVerifierKey> trusted) {
        List<NoteVerifierKey> verified = new ArrayList<>();
        Set<NoteVerifierKey> seen = new HashSet<>();
        for (NoteSignature signature : signatures) {
            for (NoteVerifierKey key : trusted) {
                if (!key.name().equals(signature.keyName()) || key.keyId() != signature.keyId() || !seen.add(key)) {
                    continue;
                }
                if (!key.verify(text, signature.signature())) {
                    return NoteVerification.invalid("signature by " + key.name() + " (key id " + KeyNames.hex(key.keyId())
                            + ") does not verify");
                }
                verified.add(key);
            }
        }
        if (verified.isEmpty()) {
            return NoteVerification.invalid("no signature by a trusted key");
        }
        return NoteVerification.valid(verified);
    }

    /** The note in its wire form. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.toLine()).append('\n');
        }
        return out.toString();
    }
}
