package dev.vigil.intel.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Object-keyed counterpart of {@link LongPostingMap}: canonical value to the ordinals of the indicators holding it. */
final class PostingMap<K> {

    private final Map<K, int[]> postings = new HashMap<>();

    void add(K key, int ordinal) {
        postings.merge(key, new int[] {ordinal}, (old, one) -> {
            int[] longer = Arrays.copyOf(old, old.length + 1);
            longer[old.length] = ordinal;
            return longer;
        });
    }

    void forEach(K key, PostingVisitor visitor) {
        int[] ordinals = postings.get(key);
        if (ordinals != null) {
            for (int ordinal : ordinals) {
                visitor.visit(ordinal);
            }
        }
    }

    int size() {
        return postings.size();
    }
}
