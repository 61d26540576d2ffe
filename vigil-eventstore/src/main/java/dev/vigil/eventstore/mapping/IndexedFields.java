package dev.vigil.eventstore.mapping;

import java.util.Set;

/**
 * Names of the Lucene fields the store writes besides the events' own fields. An event field with one of the
 * reserved names is kept in the stored event but not indexed, so it can never disturb ids, tenants or timestamps.
 */
public final class IndexedFields {
    public static final String ID = "_id";
    public static final String TIMESTAMP = "@timestamp";
    public static final String RECEIVED = "_received";
    public static final String TENANT = "_tenant";
    public static final String INPUT = "_input";
    public static final String TAGS = "tags";
    public static final String MESSAGE = "message";
    public static final String ORIGINAL = "event.original";
    public static final String SOURCE = "_source";

    private static final String IP_PREFIX = "_ip.";
    private static final String CONFLICT_PREFIX = "_conflict.";
    private static final Set<String> RESERVED = Set.of(ID, TIMESTAMP, RECEIVED, TENANT, INPUT, TAGS, ORIGINAL, SOURCE);

    private IndexedFields() {
    }

    /** Where the address points of an IP field go (the keyword stays under the field's own name). */
    public static String ipPoints(String field) {
        return IP_PREFIX + field;
    }

    /** Where values of a numeric field that are not numbers of its type go, as keywords. */
    public static String conflicting(String field) {
        return CONFLICT_PREFIX + field;
    }

    /** True for names an event field may not be indexed under. */
    public static boolean isReserved(String field) {
        return RESERVED.contains(field) || field.startsWith(IP_PREFIX) || field.startsWith(CONFLICT_PREFIX);
    }

    /** ECS address fields: {@code source.ip}, {@code destination.ip}, {@code related.ip}, ... */
    public static boolean isIpField(String field) {
        return field.equals("ip") || field.endsWith(".ip");
    }
}
