package dev.vigil.vuln.csaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MITRE's CWE names by id ({@code CWE-79}), as OWASP dependency-check ships them (a serialized map of strings, about
 * 1,300 entries, which the build copies out of its jar). Read once with a filter that admits nothing but that map and
 * its strings.
 */
final class CweCatalog {

    /** Beside this class: the build unpacks it from org.owasp:dependency-check-core (see the module's pom). */
    private static final String RESOURCE = "data/cwe.hashmap.serialized";
    private static final Map<String, String> NAMES = load();

    private CweCatalog() {
    }

    static Optional<String> name(String id) {
        return Optional.ofNullable(NAMES.get(id));
    }

    static int size() {
        return NAMES.size();
    }

    private static Map<String, String> load() {
        try (InputStream raw = CweCatalog.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + CweCatalog.class.getName() + " (unpacked by the build)");
            }
            try (ObjectInputStream in = new ObjectInputStream(raw)) {
                in.setObjectInputFilter(CweCatalog::onlyStringMaps);
                Map<String, String> names = new HashMap<>();
                ((Map<?, ?>) in.readObject()).forEach((k, v) -> names.put((String) k, (String) v));
                return Map.copyOf(names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CWE catalogue", e);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("the CWE catalogue is not a map of strings", e);
        }
    }

    private static ObjectInputFilter.Status onlyStringMaps(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 3 || info.references() > 10_000 || info.arrayLength() > 100_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        // HashMap.readObject sizes its table through a Map.Entry[] array check
        return type == HashMap.class || type == String.class || type == Map.Entry[].class ? ObjectInputFilter.Status.ALLOWED
                : ObjectInputFilter.Status.REJECTED;
    }
}
