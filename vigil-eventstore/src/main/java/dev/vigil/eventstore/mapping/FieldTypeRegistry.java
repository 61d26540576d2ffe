package dev.vigil.eventstore.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kind of every indexed field, discovered from the data and kept for the life of the store: the first kind seen
 * under a name wins (a few well-known ECS numeric fields are numeric from the start), since Lucene cannot index one
 * field name two ways. Values of another kind are indexed as described in {@link EventDocumentMapper}.
 *
 * <p>New names are appended to {@code field-types.tsv} in the store directory and forced to disk by
 * {@link #persistPending()} before any document that uses them is indexed, so a restart never reads a field back
 * under a different kind. A torn last line (a crash during the append) is ignored: no document relied on it.
 */
public final class FieldTypeRegistry {
    public static final String FILE_NAME = "field-types.tsv";

    private static final Map<String, FieldKind> BUILT_IN = Map.of(
            IndexedFields.ID, FieldKind.KEYWORD,
            IndexedFields.TIMESTAMP, FieldKind.DATE,
            IndexedFields.RECEIVED, FieldKind.DATE,
            IndexedFields.TENANT, FieldKind.KEYWORD,
            IndexedFields.INPUT, FieldKind.KEYWORD,
            IndexedFields.TAGS, FieldKind.KEYWORD,
            IndexedFields.MESSAGE, FieldKind.TEXT,
            IndexedFields.ORIGINAL, FieldKind.TEXT);

    /** ECS fields that are numbers even when a sender first writes them as strings. */
    private static final Map<String, FieldKind> WELL_KNOWN = Map.ofEntries(
            Map.entry("source.port", FieldKind.LONG),
            Map.entry("destination.port", FieldKind.LONG),
            Map.entry("client.port", FieldKind.LONG),
            Map.entry("server.port", FieldKind.LONG),
            Map.entry("source.bytes", FieldKind.LONG),
            Map.entry("destination.bytes", FieldKind.LONG),
            Map.entry("source.packets", FieldKind.LONG),
            Map.entry("destination.packets", FieldKind.LONG),
            Map.entry("network.bytes", FieldKind.LONG),
            Map.entry("network.packets", FieldKind.LONG),
            Map.entry("http.response.status_code", FieldKind.LONG),
            Map.entry("http.response.bytes", FieldKind.LONG),
            Map.entry("http.response.body.bytes", FieldKind.LONG),
            Map.entry("http.request.bytes", FieldKind.LONG),
            Map.entry("http.request.body.bytes", FieldKind.LONG),
            Map.entry("process.pid", FieldKind.LONG),
            Map.entry("process.parent.pid", FieldKind.LONG),
            Map.entry("process.thread.id", FieldKind.LONG),
            Map.entry("event.severity", FieldKind.LONG),
            Map.entry("event.duration", FieldKind.LONG));

    private final Path file;
    private final int maxFields;
    private final Map<String, FieldKind> registered = new ConcurrentHashMap<>();
    private final List<String> pending = new ArrayList<>();

    private FieldTypeRegistry(Path file, int maxFields) {
        this.file = file;
        this.maxFields = maxFields;
    }

    public static FieldTypeRegistry open(Path directory, int maxFields) {
        FieldTypeRegistry registry = new FieldTypeRegistry(directory.resolve(FILE_NAME), maxFields);
        registry.load();
        return registry;
    }

    /** The kind a query reads the field as: registered, built in, well known, else keyword (which finds nothing). */
    public FieldKind kindOf(String field) {
        FieldKind kind = BUILT_IN.get(field);
        if (kind != null) {
            return kind;
        }
        kind = registered.get(field);
        if (kind != null) {
            return kind;
        }
        return WELL_KNOWN.getOrDefault(field, FieldKind.KEYWORD);
    }

    /** The registered kind, if any data has been indexed under the name (or a built-in field's kind). */
    public Optional<FieldKind> knownKind(String field) {
        FieldKind kind = BUILT_IN.get(field);
        return Optional.ofNullable(kind != null ? kind : registered.get(field));
    }

    /**
     * The kind to index an event field as, registering the name with {@code proposed} (or its well-known kind) when it
     * is new; empty when the name is new and the registry is full.
     */
    public Optional<FieldKind> kindForIndexing(String field, FieldKind proposed) {
        FieldKind kind = registered.get(field);
        if (kind != null) {
            return Optional.of(kind);
        }
        synchronized (this) {
            kind = registered.get(field);
            if (kind != null) {
                return Optional.of(kind);
            }
            if (registered.size() >= maxFields) {
                return Optional.empty();
            }
            kind = WELL_KNOWN.getOrDefault(field, proposed);
            registered.put(field, kind);
            pending.add(field);
            return Optional.of(kind);
        }
    }

    /** Forces the names registered so far to disk; call before indexing documents that use them. */
    public synchronized void persistPending() {
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String field : pending) {
            lines.append(escape(field)).append('\t').append(registered.get(field).name()).append('\n');
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record new field types in " + file, e);
        }
        pending.clear();
    }

    public Path file() {
        return file;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the field types in " + file, e);
        }
        for (String line : lines) {
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                continue;
            }
            FieldKind kind = parseKind(line.substring(tab + 1));
            if (kind != null) {
                registered.putIfAbsent(unescape(line.substring(0, tab)), kind);
            }
        }
    }

    private static FieldKind parseKind(String name) {
        for (FieldKind kind : FieldKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
