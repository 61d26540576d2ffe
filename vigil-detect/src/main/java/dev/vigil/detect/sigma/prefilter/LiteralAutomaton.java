package dev.vigil.detect.sigma.prefilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton compiled to a deterministic table: finds which of many literals occur in a text in one pass,
 * one table lookup per character. To keep the table small (and in cache) for thousands of rule literals, the alphabet is
 * the ASCII characters of the literals plus one class for every non-ASCII character; characters that occur in no literal
 * send the automaton back to its start. Sharing one class makes non-ASCII literals match a superset of texts, which is
 * what a prefilter may do: {@link #scan} reports every literal that occurs, and occasionally one that does not.
 * Immutable and thread-safe.
 */
public final class LiteralAutomaton {

    private final int[] asciiClass = new int[128];
    private final int otherClass;
    private final int classes;
    /**
     * Transition table, row per state. States are numbered so that those from which a literal ends (directly or along
     * the failure chain) come last, from {@link #firstReporting} on: the scan loop needs no second lookup to know. A
     * {@code char} table (half the memory of {@code int}) is used while the states fit.
     */
    private final char[] smallNext;
    private final int[] largeNext;
    private final int firstReporting;
    private final int[][] outputs;
    /** nearest state (this one or along the failure chain) with outputs; 0 = none */
    private final int[] outputLink;
    private final int literalCount;

    /** @param literals non-empty literals, identified by their index */
    public LiteralAutomaton(List<String> literals) {
        this(literals, java.util.stream.IntStream.range(0, literals.size()).toArray());
    }

    /**
     * @param literals non-empty literals
     * @param ids      the id reported for each literal
     */
    public LiteralAutomaton(List<String> literals, int[] ids) {
        int classCount = 1;
        boolean nonAscii = false;
        for (String literal : literals) {
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c >= 128) {
                    nonAscii = true;
                } else if (asciiClass[c] == 0) {
                    asciiClass[c] = classCount++;
                }
            }
        }
        otherClass = nonAscii ? classCount++ : 0;
        classes = classCount;
        // trie with goto edges
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(newRow());
        out.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                int cls = classOf(literal.charAt(i));
                int target = trie.get(state)[cls];
                if (target < 0) {
                    target = trie.size();
                    trie.add(newRow());
                    out.add(new ArrayList<>());
                    trie.get(state)[cls] = target;
                }
                state = target;
            }
            out.get(state).add(ids[id]);
        }
        int states = trie.size();
        int[] delta = new int[states * classes];
        outputs = new int[states][];
        outputLink = new int[states];
        int[] fail = new int[states];
        for (int s = 0; s < states; s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] root = trie.get(0);
        for (int cls = 1; cls < classes; cls++) {
            if (root[cls] > 0) {
                delta[cls] = root[cls];
                queue.add(root[cls]);
            }
        }
        // breadth first: a state's failure state is shallower, so its row is complete when needed
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int[] row = trie.get(state);
            int failRow = fail[state] * classes;
            for (int cls = 1; cls < classes; cls++) {
                int target = row[cls];
                if (target > 0) {
                    int f = delta[failRow + cls];
                    fail[target] = f;
                    outputLink[target] = outputs[f].length > 0 ? f : outputLink[f];
                    delta[state * classes + cls] = target;
                    queue.add(target);
                } else {
                    delta[state * classes + cls] = delta[failRow + cls];
                }
            }
        }
        // renumber: non-reporting states first (the start state stays 0, it never reports), reporting states last
        int[] renumbered = new int[states];
        int nextNumber = 0;
        for (int state = 0; state < states; state++) {
            if (!reports(outputs, outputLink, state)) {
                renumbered[state] = nextNumber++;
            }
        }
        firstReporting = nextNumber;
        for (int state = 0; state < states; state++) {
            if (reports(outputs, outputLink, state)) {
                renumbered[state] = nextNumber++;
            }
        }
        int[][] newOutputs = new int[states][];
        int[] newLinks = new int[states];
        int[] table = new int[delta.length];
        for (int state = 0; state < states; state++) {
            int to = renumbered[state];
            newOutputs[to] = outputs[state];
            newLinks[to] = outputLink[state] == 0 ? 0 : renumbered[outputLink[state]];
            System.arraycopy(delta, state * classes, table, to * classes, classes);
        }
        for (int i = 0; i < table.length; i++) {
            table[i] = renumbered[table[i]];
        }
        System.arraycopy(newOutputs, 0, outputs, 0, states);
        System.arraycopy(newLinks, 0, outputLink, 0, states);
        if (states <= Character.MAX_VALUE) {
            smallNext = new char[table.length];
            for (int i = 0; i < table.length; i++) {
                smallNext[i] = (char) table[i];
            }
            largeNext = null;
        } else {
            smallNext = null;
            largeNext = table;
        }
        literalCount = Arrays.stream(ids).max().orElse(-1) + 1;
    }

    private static boolean reports(int[][] outputs, int[] outputLink, int state) {
        return outputs[state].length > 0 || outputLink[state] > 0;
    }

    private int[] newRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    /** The character's class; 0 for characters that occur in no literal. */
    private int classOf(char c) {
        return c < 128 ? asciiClass[c] : otherClass;
    }

    /** One more than the highest id. */
    public int literalCount() {
        return literalCount;
    }

    /**
     * Sets the bit of every literal occurring in {@code text} in {@code found} (a bit set of literalCount bits); see the
     * class comment for the superset it may report.
     */
    public void scan(String text, long[] found) {
        int state = 0;
        int width = classes;
        int reporting = firstReporting;
        char[] small = smallNext;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int index = state * width + (c < 128 ? asciiClass[c] : otherClass);
            state = small != null ? small[index] : largeNext[index];
            if (state >= reporting) {
                report(state, found);
            }
        }
    }

    private void report(int state, long[] found) {
        int s = outputs[state].length > 0 ? state : outputLink[state];
        while (s > 0) {
            for (int id : outputs[s]) {
                found[id >>> 6] |= 1L << id;
            }
            s = outputLink[s];
        }
    }

    /** Ids of the literals reported for {@code text}, ascending. */
    public List<Integer> find(String text) {
        long[] found = new long[(literalCount + 63) / 64];
        scan(text, found);
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < literalCount; id++) {
            if ((found[id >>> 6] & (1L << id)) != 0) {
                ids.add(id);
            }
        }
        return ids;
    }
}
