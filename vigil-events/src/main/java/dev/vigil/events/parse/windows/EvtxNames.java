package dev.vigil.events.parse.windows;

import java.util.Map;

import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;

/**
 * Names the fields of an evtx_dump document ({@code {"Event":{"System":{...},"EventData":{...}}}}) the way Sigma
 * rules name Windows fields: a System child keeps its name ({@code EventID}, {@code Channel}), a System child's
 * attribute becomes {@code <Child>_<Attribute>} ({@code Provider_Name}, {@code TimeCreated_SystemTime}), EventData
 * and UserData entries keep their own names with spaces removed ({@code Threat Name} is {@code ThreatName}), and the
 * XML namespace attributes are dropped.
 */
final class EvtxNames {
    private static final String EVENT = "Event.";
    private static final String SYSTEM = "System.";
    private static final String EVENT_DATA = "EventData.";
    private static final String USER_DATA = "UserData.";
    private static final String ATTRIBUTES = "#attributes";
    private static final String TEXT = "#text";

    private EvtxNames() {
    }

    static boolean isEvtxDocument(FlatJson document) {
        return document.has("Event.System.EventID") || document.has("Event.System.EventID.#text")
                || document.has("Event.System.Channel");
    }

    static void copyTo(FlatJson document, EventFields fields) {
        for (Map.Entry<String, Object> field : document.values().entrySet()) {
            String name = rename(field.getKey());
            if (name != null && !name.isEmpty() && !FlatJson.TIMESTAMP_FIELD.equals(name)) {
                fields.putOriginal(name, field.getValue());
            }
        }
    }

    /** The Sigma name of a flattened evtx_dump path, or null for a field to drop. */
    static String rename(String path) {
        if (!path.startsWith(EVENT)) {
            return path;
        }
        String rest = path.substring(EVENT.length());
        if (rest.startsWith(SYSTEM)) {
            return systemName(rest.substring(SYSTEM.length()));
        }
        if (rest.startsWith(EVENT_DATA)) {
            return dataName(rest.substring(EVENT_DATA.length()));
        }
        if (rest.startsWith(USER_DATA)) {
            String inner = rest.substring(USER_DATA.length());
            int dot = inner.indexOf('.');
            // UserData wraps its entries in one element named after the event (Operation_ClientFailure)
            return dataName(dot < 0 ? inner : inner.substring(dot + 1));
        }
        return rest.startsWith(ATTRIBUTES) ? null : rest;
    }

    private static String systemName(String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return path;
        }
        String child = path.substring(0, dot);
        String detail = path.substring(dot + 1);
        if (detail.equals(TEXT)) {
            return child;
        }
        if (detail.startsWith(ATTRIBUTES + ".")) {
            detail = detail.substring(ATTRIBUTES.length() + 1);
        }
        return child + "_" + detail.replace('.', '_');
    }

    private static String dataName(String path) {
        if (path.startsWith(ATTRIBUTES)) {
            return null;
        }
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        String detail = dot < 0 ? "" : path.substring(dot);
        if (detail.contains(ATTRIBUTES)) {
            return null;
        }
        return withoutSpaces(name) + (detail.equals("." + TEXT) ? "" : detail);
    }

    private static String withoutSpaces(String name) {
        return name.indexOf(' ') < 0 ? name : name.replace(" ", "");
    }
}
