package dev.vigil.ledger.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import dev.vigil.ledger.record.CanonicalJsonScanner.Member;

/**
 * Checks that a line is byte for byte the canonical encoding of a valid audit record (docs/AUDIT-FORMAT.md) without
 * building a tree. Valid lines normally take the allocation-free {@link CanonicalRecordFastCheck}; the others are
 * checked here, member by member, so that the message names the offending field or byte offset.
 */
public final class CanonicalRecordCheck {

    private static final Set<String> TOP_LEVEL = Set.of("v", "seq", "time", "actor", "source", "action", "object",
            "tenant", "outcome", "references", "body");
    private static final Set<String> REQUIRED = Set.of("v", "seq", "time", "actor", "action", "object", "tenant",
            "outcome", "references", "body");
    private static final Set<String> ACTOR = Set.of("kind", "id", "displayName");
    private static final Set<String> OBJECT = Set.of("type", "id");
    private static final Set<String> REFERENCES = Set.of("approval", "incident", "changeRequest", "session");

    private CanonicalRecordCheck() {
    }

    /** Validates the line and returns its sequence number. */
    public static long sequenceOf(byte[] line) throws RecordFormatException {
        long[] sequence = new long[1];
        if (CanonicalRecordFastCheck.acceptLine(line, 0, line.length, sequence, 0) == line.length) {
            return sequence[0];
        }
        return preciseSequenceOf(line);
    }

    /** The route that decides every line and says why one is rejected; see {@link CanonicalRecordFastCheck}. */
    static long preciseSequenceOf(byte[] line) throws RecordFormatException {
        List<Member> members = CanonicalJsonScanner.objectMembers(line, 0, line.length);
        requireFields(members, "record", TOP_LEVEL, REQUIRED);
        long sequence = -1;
        for (Member m : members) {
            switch (m.name()) {
                case "v" -> {
                    long version = integer(line, m);
                    if (version != AuditRecordCodec.FORMAT_VERSION) {
                        throw new RecordFormatException("unsupported format version " + version + " (expected "
                                + AuditRecordCodec.FORMAT_VERSION + ")");
                    }
                }
                case "seq" -> sequence = integer(line, m);
                case "time" -> {
                    String time = string(line, m);
                    if (!AuditTime.isValid(time)) {
                        try {
                            AuditTime.parse(time); // throws with the precise reason
                        } catch (IllegalArgumentException e) {
                            throw new RecordFormatException(e.getMessage());
                        }
                    }
                }
                case "actor" -> actor(line, m);
                case "object" -> {
                    List<Member> object = object(line, m);
                    requireFields(object, "object", OBJECT, OBJECT);
                    for (Member field : object) {
                        nonEmptyString(line, field, "object " + field.name());
                    }
                }
                case "references" -> {
                    List<Member> references = object(line, m);
                    requireFields(references, "references", REFERENCES, Set.of());
                    for (Member field : references) {
                        nonEmptyString(line, field, field.name() + " reference");
                    }
                }
                case "body" -> {
                    // The whole line was already scanned, so the body is known to be canonical JSON.
                    if (line[m.start()] != '{') {
                        throw new RecordFormatException("body must be a JSON object");
                    }
                }
                case "source" -> nonEmptyString(line, m, "source address");
                case "outcome" -> {
                    try {
                        Outcome.fromWireName(string(line, m));
                    } catch (IllegalArgumentException e) {
                        throw new RecordFormatException(e.getMessage());
                    }
                }
                default -> nonEmptyString(line, m, m.name()); // action, tenant
            }
        }
        return sequence;
    }

    private static void actor(byte[] line, Member m) throws RecordFormatException {
        List<Member> actor = object(line, m);
        requireFields(actor, "actor", ACTOR, ACTOR);
        for (Member field : actor) {
            switch (field.name()) {
                case "kind" -> {
                    try {
                        ActorKind.fromWireName(string(line, field));
                    } catch (IllegalArgumentException e) {
                        throw new RecordFormatException(e.getMessage());
                    }
                }
                case "id" -> nonEmptyString(line, field, "actor id");
                default -> string(line, field); // displayName may be empty
            }
        }
    }

    private static void requireFields(List<Member> members, String where, Set<String> allowed, Set<String> required)
            throws RecordFormatException {
        int present = 0;
        for (Member m : members) {
            if (!allowed.contains(m.name())) {
                throw new RecordFormatException("unknown field \"" + m.name() + "\""
                        + (where.equals("record") ? "" : " in " + where));
            }
            if (required.contains(m.name())) {
                present++;
            }
        }
        if (present != required.size()) {
            for (String name : required.stream().sorted().toList()) {
                if (members.stream().noneMatch(m -> m.name().equals(name))) {
                    throw new RecordFormatException("missing field \"" + name + "\""
                            + (where.equals("record") ? "" : " in " + where));
                }
            }
        }
    }

    private static List<Member> object(byte[] line, Member m) throws RecordFormatException {
        if (line[m.start()] != '{') {
            throw new RecordFormatException(m.name() + " must be a JSON object");
        }
        return CanonicalJsonScanner.objectMembers(line, m.start(), m.end());
    }

    private static String string(byte[] line, Member m) throws RecordFormatException {
        if (line[m.start()] != '"') {
            throw new RecordFormatException("field \"" + m.name() + "\" must be a string");
        }
        return CanonicalJsonScanner.stringValue(line, m.start(), m.end());
    }

    private static void nonEmptyString(byte[] line, Member m, String what) throws RecordFormatException {
        if (line[m.start()] != '"') {
            throw new RecordFormatException("field \"" + m.name() + "\" must be a string");
        }
        if (m.end() - m.start() == 2) {
            throw new RecordFormatException(what + " must be absent or non-empty");
        }
    }

    private static long integer(byte[] line, Member m) throws RecordFormatException {
        int start = m.start();
        int length = m.end() - start;
        boolean digitsOnly = length > 0;
        for (int i = start; i < m.end(); i++) {
            digitsOnly &= line[i] >= '0' && line[i] <= '9';
        }
        if (line[start] == '-' && length > 1) {
            throw new RecordFormatException("field \"" + m.name() + "\" is outside 0..2^53-1");
        }
        if (!digitsOnly) {
            throw new RecordFormatException("field \"" + m.name() + "\" must be an integer");
        }
        if (length > 16 || Long.parseLong(new String(line, start, length, StandardCharsets.ISO_8859_1))
                > AuditRecord.MAX_SEQUENCE) {
            throw new RecordFormatException("field \"" + m.name() + "\" is outside 0..2^53-1");
        }
        return Long.parseLong(new String(line, start, length, StandardCharsets.ISO_8859_1));
    }
}
