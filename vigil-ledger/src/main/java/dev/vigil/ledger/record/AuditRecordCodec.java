package dev.vigil.ledger.record;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical encoding of an audit record (see docs/AUDIT-FORMAT.md): a JSON object, RFC 8785 canonical, format
 * version {@code "v":1}. The Merkle leaf of a record is {@code SHA-256(0x00 || encode(record))}. Decoding accepts only
 * lines that are byte for byte the canonical encoding of a valid record, so every record has exactly one encoding.
 */
public final class AuditRecordCodec {

    public static final int FORMAT_VERSION = 1;

    private static final Set<String> RECORD_FIELDS = Set.of("v", "seq", "time", "actor", "source", "action",
            "object", "tenant", "outcome", "references", "body");
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AuditRecordCodec() {
    }

    /** Canonical bytes of the record (no trailing newline). */
    public static byte[] encode(AuditRecord record) {
        return CanonicalJson.encode(toJson(record));
    }

    private static ObjectNode toJson(AuditRecord record) {
        AuditEvent event = record.event();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        json.put("v", FORMAT_VERSION);
        json.put("seq", record.sequence());
        json.put("time", AuditTime.format(event.time()));
        ObjectNode actor = json.putObject("actor");
        actor.put("kind", event.actor().kind().wireName());
        actor.put("id", event.actor().id());
        actor.put("displayName", event.actor().displayName());
        event.sourceAddress().ifPresent(source -> json.put("source", source));
        json.put("action", event.action());
        ObjectNode object = json.putObject("object");
        object.put("type", event.object().type());
        object.put("id", event.object().id());
        json.put("tenant", event.tenant());
        json.put("outcome", event.outcome().wireName());
        ObjectNode refs = json.putObject("references");
        References references = event.references();
        references.approval().ifPresent(v -> refs.put("approval", v));
        references.incident().ifPresent(v -> refs.put("incident", v));
        references.changeRequest().ifPresent(v -> refs.put("changeRequest", v));
        references.session().ifPresent(v -> refs.put("session", v));
        json.set("body", event.body());
        return json;
    }

    /** Decodes one record line (without its newline) and checks that it is the canonical encoding. */
    public static AuditRecord decode(byte[] line) throws RecordFormatException {
        CanonicalRecordCheck.sequenceOf(line); // precise reasons for rejection
        return decodeByReencoding(line);
    }

    /**
     * Decoding by an independent route: parse with Jackson, build the record, and require that encoding it again
     * gives the same bytes. Tests use it as the oracle for {@link CanonicalRecordCheck}.
     */
    static AuditRecord decodeByReencoding(byte[] line) throws RecordFormatException {
        JsonNode json;
        try {
            json = STRICT.readTree(line);
        } catch (JacksonException e) {
            throw new RecordFormatException("not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            throw new RecordFormatException("not valid JSON: number out of range");
        }
        AuditRecord record;
        try {
            record = fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(e.getMessage());
        }
        if (!Arrays.equals(encode(record), line)) {
            throw new RecordFormatException("not in canonical form (RFC 8785: sorted keys, no whitespace, "
                    + "canonical numbers and escapes)");
        }
        return record;
    }

    private static AuditRecord fromJson(JsonNode json) {
        requireObject(json, "record");
        requireOnly(json, "record", RECORD_FIELDS);
        long version = integer(json, "v");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported format version " + version + " (expected " + FORMAT_VERSION + ")");
        }
        long sequence = integer(json, "seq");
        JsonNode actorJson = field(json, "actor");
        requireObject(actorJson, "actor");
        requireOnly(actorJson, "actor", Set.of("kind", "id", "displayName"));
        Actor actor = new Actor(ActorKind.fromWireName(text(actorJson, "kind")), text(actorJson, "id"),
                text(actorJson, "displayName"));
        JsonNode objectJson = field(json, "object");
        requireObject(objectJson, "object");
        requireOnly(objectJson, "object", Set.of("type", "id"));
        JsonNode refs = field(json, "references");
        requireObject(refs, "references");
        requireOnly(refs, "references", Set.of("approval", "incident", "changeRequest", "session"));
        JsonNode body = field(json, "body");
        requireObject(body, "body");
        AuditEvent event = new AuditEvent(
                AuditTime.parse(text(json, "time")),
                actor,
                json.has("source") ? text(json, "source") : null,
                text(json, "action"),
                new ObjectRef(text(objectJson, "type"), text(objectJson, "id")),
                text(json, "tenant"),
                Outcome.fromWireName(text(json, "outcome")),
                new References(optionalText(refs, "approval"), optionalText(refs, "incident"),
                        optionalText(refs, "changeRequest"), optionalText(refs, "session")),
                (ObjectNode) body);
        return new AuditRecord(sequence, event);
    }

    private static JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing field \"" + name + "\"");
        }
        return value;
    }

    private static String text(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isString()) {
            throw new IllegalArgumentException("field \"" + name + "\" must be a string");
        }
        return value.stringValue();
    }

    private static String optionalText(JsonNode parent, String name) {
        return parent.has(name) ? text(parent, name) : null;
    }

    private static long integer(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException("field \"" + name + "\" must be an integer");
        }
        BigInteger number = value.bigIntegerValue();
        if (number.signum() < 0 || number.bitLength() > 53) {
            throw new IllegalArgumentException("field \"" + name + "\" is outside 0..2^53-1");
        }
        return number.longValue();
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
    }

    private static void requireOnly(JsonNode node, String what, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\" in " + what);
            }
        }
    }
}
