package dev.vigil.bastion.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pre-approved command with typed parameters: {@code iptables -I INPUT -s {ip} -j DROP}. Each {@code {name}} is a
 * declared parameter ({@code {{} and {@code }}} stand for literal braces); a rendered command has every value
 * validated by its type and shell-quoted as one word, so a value can neither be refused by its type and still reach
 * the command nor escape its quotes. Placeholders must stand outside the template's own quotes and not after a
 * backslash, where the quoting Vigil adds would be read differently.
 */
public final class CommandTemplate {

    public static final int MAX_LENGTH = 4000;

    private sealed interface Part permits Text, Slot {
    }

    private record Text(String text) implements Part {
    }

    private record Slot(String name) implements Part {
    }

    private final String source;
    private final Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
    private final List<Part> parts;

    /** Parses and checks the template against its parameters; IllegalArgumentException says what is wrong. */
    public CommandTemplate(String command, List<TemplateParameter> parameters) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("command is required");
        }
        if (command.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("command: at most " + MAX_LENGTH + " characters");
        }
        for (char c : command.toCharArray()) {
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("command: one line without control characters (found \\u"
                        + String.format("%04x", (int) c) + ")");
            }
        }
        this.source = command;
        for (TemplateParameter parameter : parameters) {
            if (this.parameters.put(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("parameter " + parameter.name() + " is declared twice");
            }
        }
        this.parts = List.copyOf(parse(command));
        Set<String> used = new LinkedHashSet<>();
        parts.forEach(p -> {
            if (p instanceof Slot slot) {
                used.add(slot.name());
            }
        });
        for (String name : used) {
            if (!this.parameters.containsKey(name)) {
                throw new IllegalArgumentException("command: {" + name + "} is not a declared parameter (declared: "
                        + (this.parameters.isEmpty() ? "none" : String.join(", ", this.parameters.keySet())) + "; write {{ for a literal '{')");
            }
        }
        for (String name : this.parameters.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("parameter " + name + " is not used in the command (write {" + name + "} where it goes)");
            }
        }
        checkQuoting();
    }

    public String source() {
        return source;
    }

    public List<TemplateParameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /** The command with each value validated and quoted; IllegalArgumentException names the parameter and the fault. */
    public String render(Map<String, String> values) {
        for (String name : values.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter '" + TemplateParameter.printable(name) + "' (the template takes "
                        + (parameters.isEmpty() ? "none" : String.join(", ", parameters.keySet())) + ")");
            }
        }
        Map<String, String> quoted = new LinkedHashMap<>();
        for (TemplateParameter parameter : parameters.values()) {
            quoted.put(parameter.name(), ShellQuote.quote(parameter.validate(values.get(parameter.name()))));
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text text -> out.append(text.text());
                case Slot slot -> out.append(quoted.get(slot.name()));
            }
        }
        return out.toString();
    }

    private static List<Part> parse(String command) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == '{' && command.startsWith("{{", i)) {
                text.append('{');
                i += 2;
            } else if (c == '}' && command.startsWith("}}", i)) {
                text.append('}');
                i += 2;
            } else if (c == '{') {
                int end = command.indexOf('}', i);
                String name = end < 0 ? "" : command.substring(i + 1, end);
                if (!TemplateParameter.NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("command: '{' at " + i + " opens no placeholder {name} (write {{ for a literal '{')");
                }
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Slot(name));
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("command: '}' at " + i + " closes no placeholder (write }} for a literal '}')");
            } else {
                text.append(c);
                i++;
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return parts;
    }

    private enum Quote { NONE, SINGLE, DOUBLE, ANSI }

    /** Follows the shell's quoting through the literal text; every placeholder must be where a quoted word starts fresh. */
    private void checkQuoting() {
        Quote state = Quote.NONE;
        boolean escaped = false;
        for (Part part : parts) {
            if (part instanceof Slot slot) {
                if (state != Quote.NONE) {
                    throw new IllegalArgumentException("command: {" + slot.name() + "} stands inside quotes; write it bare, Vigil quotes the value");
                }
                if (escaped) {
                    throw new IllegalArgumentException("command: {" + slot.name() + "} follows a backslash; remove it, Vigil quotes the value");
                }
                continue;
            }
            String text = ((Text) part).text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (escaped) {
                    escaped = false;
                    continue;
                }
                switch (state) {
                    case NONE -> {
                        if (c == '\\') {
                            escaped = true;
                        } else if (c == '\'') {
                            state = i > 0 && text.charAt(i - 1) == '$' ? Quote.ANSI : Quote.SINGLE;
                        } else if (c == '"') {
                            state = Quote.DOUBLE;
                        }
                    }
                    case SINGLE -> {
                        if (c == '\'') {
                            state = Quote.NONE;
                        }
                    }
                    case DOUBLE, ANSI -> {
                        if (c == '\\') {
                            escaped = true;
                        } else if (c == (state == Quote.DOUBLE ? '"' : '\'')) {
                            state = Quote.NONE;
                        }
                    }
                }
            }
        }
        if (state != Quote.NONE || escaped) {
            throw new IllegalArgumentException("command: a quote or backslash is left open at the end");
        }
    }
}
