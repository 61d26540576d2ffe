package dev.vigil.monitor.gocompat;

import java.util.regex.Matcher;

/** Replacement-template expansion of Go's regexp package, shared by label_replace and reReplaceAll. */
public final class GoRegexExpand {

    private GoRegexExpand() {
    }

    /** Go's Regexp.Expand: {@code $1}, {@code ${1}}, {@code $name}; a name is the longest run of word characters. */
    public static String expand(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                next = close + 1;
            } else {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
                    j++;
                }
                name = template.substring(i + 1, j);
                next = j;
            }
            if (name.isEmpty()) {
                out.append(c);
                i++;
                continue;
            }
            out.append(group(m, name));
            i = next;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        String value;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(name);
                value = n <= m.groupCount() ? m.group(n) : "";
            } catch (NumberFormatException e) {
                value = "";
            }
        } else {
            try {
                value = m.group(name);
            } catch (IllegalArgumentException e) {
                value = "";
            }
        }
        return value == null ? "" : value;
    }

}
