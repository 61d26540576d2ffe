package dev.vigil.detect.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cloud audit logs delivered as batches: a JSON object whose only member is an array of records, {@code Records} (AWS
 * CloudTrail log files, also S3 and Config notifications) or {@code records} (Azure diagnostic settings to a storage
 * account or Event Hub). Each record is one event; the wrapper is not.
 *
 * <p>{@link #records} looks at the first bytes before parsing anything, so documents that are not batches cost almost
 * nothing. A wrapper whose array holds anything but objects, or that has other members, is not a batch: it stays one
 * event.
 */
public final class RecordBatches {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] KEYS = {"\"Records\"", "\"records\""};

    private RecordBatches() {
    }

    /** The records of a batch, each as compact JSON, or null when the text is not a batch. */
    public static List<String> records(String json) {
        if (!startsLikeABatch(json)) {
            return null;
        }
        List<byte[]> records = records(json.getBytes(StandardCharsets.UTF_8));
        if (records == null) {
            return null;
        }
        List<String> texts = new ArrayList<>(records.size());
        records.forEach(record -> texts.add(new String(record, StandardCharsets.UTF_8)));
        return texts;
    }

    /** The records of a batch, each as compact UTF-8 JSON, or null when the bytes are not a batch. */
    public static List<byte[]> records(byte[] json) {
        if (!startsLikeABatch(json)) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
        if (root == null || !root.isObject() || root.size() != 1) {
            return null;
        }
        Map.Entry<String, JsonNode> member = root.properties().iterator().next();
        if (!member.getValue().isArray()) {
            return null;
        }
        List<byte[]> records = new ArrayList<>(member.getValue().size());
        for (JsonNode record : member.getValue()) {
            if (!record.isObject()) {
                return null;
            }
            records.add(JSON.writeValueAsBytes(record));
        }
        return records;
    }

    /** {@code {"Records":} or {@code {"records":} at the start, blanks allowed. */
    static boolean startsLikeABatch(String json) {
        return startsLikeABatch(json.length(), json::charAt);
    }

    static boolean startsLikeABatch(byte[] json) {
        return startsLikeABatch(json.length, i -> (char) (json[i] & 0xff));
    }

    /** The check over any text: {@code at} gives the character at an index below {@code length}. */
    private static boolean startsLikeABatch(int length, IntFunction<Character> at) {
        int i = skipBlanks(length, at, 0);
        if (i >= length || at.apply(i) != '{') {
            return false;
        }
        i = skipBlanks(length, at, i + 1);
        for (String key : KEYS) {
            if (length - i >= key.length() && matches(at, i, key)) {
                int colon = skipBlanks(length, at, i + key.length());
                return colon < length && at.apply(colon) == ':';
            }
        }
        return false;
    }

    private static boolean matches(IntFunction<Character> at, int from, String key) {
        for (int k = 0; k < key.length(); k++) {
            if (at.apply(from + k) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(int length, IntFunction<Character> at, int from) {
        int i = from;
        while (i < length && Character.isWhitespace(at.apply(i))) {
            i++;
        }
        return i;
    }
}
