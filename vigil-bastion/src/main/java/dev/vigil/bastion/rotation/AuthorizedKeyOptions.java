package dev.vigil.bastion.rotation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of an authorized_keys file's lines for one key (sshd(8) "AUTHORIZED_KEYS FILE FORMAT": options, key
 * type, base64 key, comment), so that a rotated key keeps the restrictions of the key it replaces ({@code from=},
 * {@code no-port-forwarding}, {@code expiry-time=}, ...). Options may hold double-quoted strings with spaces and
 * backslash-escaped quotes; they are kept verbatim.
 */
final class AuthorizedKeyOptions {

    private AuthorizedKeyOptions() {
    }

    /**
     * The distinct option fields of the lines that authorise the key with base64 blob {@code blob}, in file order; an
     * empty string stands for a line without options. Empty when no line has the key.
     */
    static List<String> of(String file, String blob) {
        Set<String> options = new LinkedHashSet<>();
        for (String line : file.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<int[]> tokens = tokens(trimmed);
            for (int i = 1; i < tokens.size(); i++) {
                int[] token = tokens.get(i);
                if (trimmed.substring(token[0], token[1]).equals(blob)) {
                    options.add(trimmed.substring(0, tokens.get(i - 1)[0]).strip());
                    break;
                }
            }
        }
        return List.copyOf(options);
    }

    /** The new key's line carrying {@code options} (empty: none) before {@code publicLine}. */
    static String line(String options, String publicLine) {
        return options.isEmpty() ? publicLine : options + " " + publicLine;
    }

    /** Start and end of each whitespace-separated token, whitespace inside double quotes not separating. */
    private static List<int[]> tokens(String line) {
        List<int[]> tokens = new ArrayList<>();
        int start = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean space = !quoted && (c == ' ' || c == '\t');
            if (space) {
                if (start >= 0) {
                    tokens.add(new int[] {start, i});
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\\' && quoted && i + 1 < line.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        if (start >= 0) {
            tokens.add(new int[] {start, line.length()});
        }
        return tokens;
    }
}
