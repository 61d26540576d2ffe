package dev.vigil.bastion.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a command line into simple commands with the quoting rules of bash (POSIX sh plus {@code $'...'}, {@code [[},
 * process substitution and {@code |&}): words with quotes and escapes removed, ANSI-C strings decoded, and every
 * construct noted whose effect depends on the shell's state at run time (expansions, globs, history) or that hides
 * commands (substitutions, subshells). Here-document bodies are data: they are kept apart and, unless the delimiter was
 * quoted, only their command substitutions count as commands.
 */
public final class ShellLexer {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^]]*])?\\+?=.*", Pattern.DOTALL);
    private static final List<String> CONTINUED = List.of("|", "|&", "&&", "||");

    private final String line;
    private final int depth;
    private final List<SimpleCommand> commands = new ArrayList<>();
    private final List<String> heredocs = new ArrayList<>();
    private final Set<Construct> lineConstructs = EnumSet.noneOf(Construct.class);
    private final List<String[]> pendingHeredocs = new ArrayList<>();

    private List<Word> words = new ArrayList<>();
    private List<String> assignments = new ArrayList<>();
    private List<String> redirections = new ArrayList<>();
    private List<String> substitutions = new ArrayList<>();
    private Set<Construct> commandConstructs = EnumSet.noneOf(Construct.class);
    private String joinedBy = "";
    private int commandStart;

    private StringBuilder word;
    private Set<Construct> wordConstructs;
    private boolean wordLiteral;
    private boolean wordGlob;
    private int wordStart;
    private String redirectionPending;

    private ShellLexer(String line, int depth) {
        this.line = line;
        this.depth = depth;
    }

    public static ParsedLine parse(String line) {
        return parse(line, 0);
    }

    static ParsedLine parse(String line, int depth) {
        ShellLexer lexer = new ShellLexer(line, depth);
        lexer.run();
        return new ParsedLine(lexer.commands, lexer.heredocs, lexer.lineConstructs);
    }

    private void run() {
        int i = 0;
        while (i < line.length()) {
            i = step(i);
        }
        endWord(line.length());
        if (emptyCommand() && CONTINUED.contains(joinedBy)) {
            lineConstructs.add(Construct.INCOMPLETE);
        }
        endCommand(line.length(), null);
        if (!pendingHeredocs.isEmpty() || redirectionPending != null) {
            lineConstructs.add(Construct.INCOMPLETE);
        }
    }

    private int step(int i) {
        char c = line.charAt(i);
        switch (c) {
            case '\n' -> {
                endWord(i);
                endCommand(i, "\n");
                return readHeredocBodies(i + 1);
            }
            case ' ', '\t' -> {
                endWord(i);
                return i + 1;
            }
            case '#' -> {
                if (word == null) {
                    lineConstructs.add(Construct.COMMENT);
                    int end = line.indexOf('\n', i);
                    return end < 0 ? line.length() : end;
                }
                append(i, c);
                return i + 1;
            }
            case '\\' -> {
                if (i + 1 >= line.length()) {
                    lineConstructs.add(Construct.INCOMPLETE);
                    return i + 1;
                }
                if (line.charAt(i + 1) == '\n') {
                    return i + 2;
                }
                startWord(i);
                wordConstructs.add(Construct.ESCAPE);
                word.append(line.charAt(i + 1));
                return i + 2;
            }
            case '\'' -> {
                startWord(i);
                wordConstructs.add(Construct.QUOTING);
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    lineConstructs.add(Construct.INCOMPLETE);
                    word.append(line, i + 1, line.length());
                    return line.length();
                }
                word.append(line, i + 1, end);
                return end + 1;
            }
            case '"' -> {
                startWord(i);
                wordConstructs.add(Construct.QUOTING);
                return doubleQuoted(i + 1);
            }
            case '$' -> {
                startWord(i);
                return dollar(i, false);
            }
            case '`' -> {
                startWord(i);
                return backtick(i);
            }
            case ';' -> {
                endWord(i);
                boolean caseEnd = i + 1 < line.length() && line.charAt(i + 1) == ';';
                endCommand(i, caseEnd ? ";;" : ";");
                return i + (caseEnd ? 2 : 1);
            }
            case '&' -> {
                if (i + 1 < line.length() && line.charAt(i + 1) == '>') {
                    endWord(i);
                    boolean append = i + 2 < line.length() && line.charAt(i + 2) == '>';
                    return redirect(i, append ? 3 : 2);
                }
                endWord(i);
                boolean and = i + 1 < line.length() && line.charAt(i + 1) == '&';
                if (!and) {
                    commandConstructs.add(Construct.BACKGROUND);
                }
                endCommand(i, and ? "&&" : "&");
                return i + (and ? 2 : 1);
            }
            case '|' -> {
                endWord(i);
                String op = i + 1 < line.length() && line.charAt(i + 1) == '|' ? "||" : i + 1 < line.length() && line.charAt(i + 1) == '&' ? "|&" : "|";
                endCommand(i, op);
                return i + op.length();
            }
            case '(' -> {
                endWord(i);
                lineConstructs.add(Construct.SUBSHELL);
                endCommand(i, "(");
                return i + 1;
            }
            case ')' -> {
                endWord(i);
                endCommand(i, ")");
                return i + 1;
            }
            case '<', '>' -> {
                if (i + 1 < line.length() && line.charAt(i + 1) == '(') {
                    startWord(i);
                    return substitution(i + 1, Construct.PROCESS_SUBSTITUTION);
                }
                if (word != null && wordLiteral && !word.isEmpty() && word.chars().allMatch(Character::isDigit)
                        && wordConstructs.isEmpty()) {
                    word = null; // a file-descriptor number belongs to the redirection
                } else {
                    endWord(i);
                }
                return operatorRedirect(i);
            }
            case '*', '?', '[' -> {
                startWord(i);
                wordGlob = true;
                word.append(c);
                return i + 1;
            }
            case '{' -> {
                startWord(i);
                int close = line.indexOf('}', i);
                if (close > i) {
                    String inside = line.substring(i + 1, close);
                    if (!inside.contains(" ") && (inside.contains(",") || inside.contains(".."))) {
                        wordConstructs.add(Construct.BRACE_EXPANSION);
                        wordLiteral = false;
                    }
                }
                word.append(c);
                return i + 1;
            }
            case '~' -> {
                if (word == null) {
                    startWord(i);
                    wordConstructs.add(Construct.TILDE);
                    wordLiteral = false;
                } else {
                    append(i, c);
                }
                return i + 1;
            }
            case '!' -> {
                if (historyExpansionAt(i)) {
                    startWord(i);
                    wordConstructs.add(Construct.HISTORY_EXPANSION);
                    wordLiteral = false;
                }
                append(i, c);
                return i + 1;
            }
            case '^' -> {
                if (word == null && words.isEmpty() && assignments.isEmpty() && commands.isEmpty() && depth == 0) {
                    startWord(i);
                    wordConstructs.add(Construct.HISTORY_EXPANSION);
                    wordLiteral = false;
                }
                append(i, c);
                return i + 1;
            }
            default -> {
                append(i, c);
                return i + 1;
            }
        }
    }

    private boolean historyExpansionAt(int i) {
        if (i + 1 >= line.length()) {
            return false;
        }
        char next = line.charAt(i + 1);
        return !(next == ' ' || next == '\t' || next == '\n' || next == '=' || next == '(');
    }

    private int doubleQuoted(int i) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                wordConstructs.add(Construct.ESCAPE);
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                }
                i += 2;
            } else if (c == '$') {
                i = dollar(i, true);
            } else if (c == '`') {
                i = backtick(i);
            } else {
                if (c == '!' && historyExpansionAt(i) && line.charAt(i + 1) != '"') {
                    wordConstructs.add(Construct.HISTORY_EXPANSION);
                    wordLiteral = false;
                }
                word.append(c);
                i++;
            }
        }
        lineConstructs.add(Construct.INCOMPLETE);
        return i;
    }

    private int dollar(int i, boolean quoted) {
        if (i + 1 >= line.length()) {
            word.append('$');
            return i + 1;
        }
        char next = line.charAt(i + 1);
        if (next == '(') {
            if (i + 2 < line.length() && line.charAt(i + 2) == '(') {
                int end = closing(i + 1);
                wordConstructs.add(Construct.ARITHMETIC);
                wordLiteral = false;
                String body = end < 0 ? line.substring(i) : line.substring(i, end + 1);
                word.append(body);
                if (body.contains("$(") || body.contains("`")) {
                    addSubstitution(body.substring(3, Math.max(3, body.length() - 2)), Construct.COMMAND_SUBSTITUTION);
                }
                if (end < 0) {
                    lineConstructs.add(Construct.INCOMPLETE);
                    return line.length();
                }
                return end + 1;
            }
            return substitution(i + 1, Construct.COMMAND_SUBSTITUTION);
        }
        if (next == '{') {
            int end = closing(i + 1);
            wordConstructs.add(Construct.VARIABLE);
            wordLiteral = false;
            if (end < 0) {
                lineConstructs.add(Construct.INCOMPLETE);
                word.append(line, i, line.length());
                return line.length();
            }
            word.append(line, i, end + 1);
            return end + 1;
        }
        if (next == '\'' && !quoted) {
            wordConstructs.add(Construct.ANSI_C_QUOTING);
            return ansiC(i + 2);
        }
        if (next == '"' && !quoted) {
            wordConstructs.add(Construct.QUOTING);
            return doubleQuoted(i + 2);
        }
        if (Character.isLetter(next) || next == '_') {
            int end = i + 1;
            while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                end++;
            }
            wordConstructs.add(Construct.VARIABLE);
            wordLiteral = false;
            word.append(line, i, end);
            return end;
        }
        if (Character.isDigit(next) || "@*#?$!-".indexOf(next) >= 0) {
            wordConstructs.add(Construct.VARIABLE);
            wordLiteral = false;
            word.append(line, i, i + 2);
            return i + 2;
        }
        word.append('$');
        return i + 1;
    }

    /** {@code $'...'}: the escapes of bash's ANSI-C quoting, decoded, so {@code $'\x72\x6d'} is the word {@code rm}. */
    private int ansiC(int i) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c != '\\' || i + 1 >= line.length()) {
                word.append(c);
                i++;
                continue;
            }
            char e = line.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> word.append('\u0007');
                case 'b' -> word.append('\b');
                case 'e', 'E' -> word.append('\u001b');
                case 'f' -> word.append('\f');
                case 'n' -> word.append('\n');
                case 'r' -> word.append('\r');
                case 't' -> word.append('\t');
                case 'v' -> word.append('\u000b');
                case 'x' -> i = number(i, 16, 2);
                case 'u' -> i = number(i, 16, 4);
                case 'U' -> i = number(i, 16, 8);
                case 'c' -> {
                    if (i < line.length()) {
                        word.append((char) (line.charAt(i) & 0x1f));
                        i++;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = number(i - 1, 8, 3);
                    } else {
                        word.append(e);
                    }
                }
            }
        }
        lineConstructs.add(Construct.INCOMPLETE);
        return i;
    }

    private int number(int i, int radix, int maxDigits) {
        int end = i;
        while (end < line.length() && end - i < maxDigits && Character.digit(line.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == i) {
            word.append(radix == 8 ? "\\0" : "\\");
            return i;
        }
        word.appendCodePoint(Integer.parseInt(line, i, end, radix));
        return end;
    }

    private int substitution(int open, Construct kind) {
        int end = closing(open);
        wordLiteral = false;
        wordConstructs.add(kind);
        if (end < 0) {
            lineConstructs.add(Construct.INCOMPLETE);
            addSubstitution(line.substring(open + 1), kind);
            word.append(line, open - 1, line.length());
            return line.length();
        }
        addSubstitution(line.substring(open + 1, end), kind);
        word.append(line, open - 1, end + 1);
        return end + 1;
    }

    private int backtick(int i) {
        int end = i + 1;
        while (end < line.length() && line.charAt(end) != '`') {
            end += line.charAt(end) == '\\' ? 2 : 1;
        }
        wordLiteral = false;
        wordConstructs.add(Construct.COMMAND_SUBSTITUTION);
        if (end >= line.length()) {
            lineConstructs.add(Construct.INCOMPLETE);
            addSubstitution(line.substring(i + 1), Construct.COMMAND_SUBSTITUTION);
            word.append(line, i, line.length());
            return line.length();
        }
        addSubstitution(line.substring(i + 1, end).replace("\\`", "`"), Construct.COMMAND_SUBSTITUTION);
        word.append(line, i, end + 1);
        return end + 1;
    }

    private void addSubstitution(String body, Construct kind) {
        lineConstructs.add(kind);
        substitutions.add(body);
    }

    /** The index of the parenthesis or brace closing the one at {@code open}, skipping quoted text; -1 if none. */
    private int closing(int open) {
        char opening = line.charAt(open);
        char close = opening == '(' ? ')' : '}';
        int level = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else if (c == opening) {
                level++;
            } else if (c == close && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    private int operatorRedirect(int i) {
        String rest = line.substring(i, Math.min(line.length(), i + 3));
        if (rest.startsWith("<<<")) {
            return redirect(i, 3);
        }
        if (rest.startsWith("<<")) {
            boolean strip = rest.length() > 2 && rest.charAt(2) == '-';
            return heredoc(i + (strip ? 3 : 2), strip);
        }
        for (String op : List.of(">>", ">|", ">&", "<&", "<>")) {
            if (rest.startsWith(op)) {
                return redirect(i, 2);
            }
        }
        return redirect(i, 1);
    }

    private int redirect(int i, int length) {
        commandConstructs.add(Construct.REDIRECTION);
        lineConstructs.add(Construct.REDIRECTION);
        redirectionPending = line.substring(i, i + length);
        return i + length;
    }

    private int heredoc(int i, boolean stripTabs) {
        commandConstructs.add(Construct.HEREDOC);
        lineConstructs.add(Construct.HEREDOC);
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        int start = i;
        StringBuilder delimiter = new StringBuilder();
        boolean quoted = false;
        while (i < line.length() && " \t\n;&|<>()".indexOf(line.charAt(i)) < 0) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                quoted = true;
                int end = line.indexOf(c, i + 1);
                end = end < 0 ? line.length() : end;
                delimiter.append(line, i + 1, end);
                i = Math.min(line.length(), end + 1);
            } else if (c == '\\' && i + 1 < line.length()) {
                quoted = true;
                delimiter.append(line.charAt(i + 1));
                i += 2;
            } else {
                delimiter.append(c);
                i++;
            }
        }
        redirections.add("<<" + line.substring(start, i));
        pendingHeredocs.add(new String[] {delimiter.toString(), stripTabs ? "strip" : "", quoted ? "quoted" : ""});
        return i;
    }

    /** After a newline, the bodies of the here-documents opened on the line just ended: data, not commands. */
    private int readHeredocBodies(int i) {
        while (!pendingHeredocs.isEmpty()) {
            String[] doc = pendingHeredocs.remove(0);
            StringBuilder body = new StringBuilder();
            boolean closed = false;
            while (i < line.length()) {
                int end = line.indexOf('\n', i);
                String row = end < 0 ? line.substring(i) : line.substring(i, end);
                i = end < 0 ? line.length() : end + 1;
                String compared = doc[1].isEmpty() ? row : row.replaceFirst("^\t+", "");
                if (compared.equals(doc[0])) {
                    closed = true;
                    break;
                }
                body.append(row).append('\n');
            }
            heredocs.add(body.toString());
            if (doc[2].isEmpty()) {
                collectSubstitutions(body.toString());
            }
            if (!closed) {
                lineConstructs.add(Construct.INCOMPLETE);
            }
        }
        commandStart = i;
        return i;
    }

    /** Command substitutions in an unquoted here-document body run when the document is read. */
    private void collectSubstitutions(String body) {
        ParsedLine inner = parse("\"" + body.replace("\"", "\\\"") + "\"", depth + 1);
        for (SimpleCommand command : inner.commands()) {
            for (String substitution : command.substitutions()) {
                commands.add(new SimpleCommand(List.of(), List.of(), List.of(), "<<", substitution, Set.of(Construct.COMMAND_SUBSTITUTION),
                        List.of(substitution)));
            }
        }
    }

    private void startWord(int i) {
        if (word == null) {
            word = new StringBuilder();
            wordConstructs = EnumSet.noneOf(Construct.class);
            wordLiteral = true;
            wordGlob = false;
            wordStart = i;
        }
    }

    private void append(int i, char c) {
        startWord(i);
        word.append(c);
    }

    private void endWord(int end) {
        if (word == null) {
            return;
        }
        String value = word.toString();
        if (wordGlob && !List.of("[", "[[", "]", "]]").contains(value)) {
            wordConstructs.add(Construct.GLOB);
            wordLiteral = false;
        }
        lineConstructs.addAll(wordConstructs);
        commandConstructs.addAll(wordConstructs);
        String raw = wordStart >= 0 && wordStart <= end ? line.substring(wordStart, end) : value;
        if (redirectionPending != null) {
            redirections.add(redirectionPending + value);
            redirectionPending = null;
        } else if (words.isEmpty() && ASSIGNMENT.matcher(raw).matches()) {
            assignments.add(value);
            commandConstructs.add(Construct.ASSIGNMENT);
            lineConstructs.add(Construct.ASSIGNMENT);
        } else {
            words.add(new Word(value, wordLiteral, wordConstructs));
        }
        word = null;
    }

    private boolean emptyCommand() {
        return words.isEmpty() && assignments.isEmpty() && redirections.isEmpty() && substitutions.isEmpty();
    }

    private void endCommand(int end, String operator) {
        String source = line.substring(Math.min(commandStart, end), end).strip();
        boolean empty = emptyCommand();
        if (!empty) {
            commands.add(new SimpleCommand(words, assignments, redirections, joinedBy, source, commandConstructs, substitutions));
        }
        if (operator != null) {
            if (operator.equals("|") || operator.equals("|&")) {
                lineConstructs.add(Construct.PIPE);
            } else if (!operator.equals("(") && !operator.equals(")") && !(operator.equals("\n") && empty)) {
                lineConstructs.add(Construct.LIST);
            }
            boolean keepsPipe = (operator.equals(")") || operator.equals("(")) && CONTINUED.contains(joinedBy) && empty;
            boolean continuation = operator.equals("\n") && empty && CONTINUED.contains(joinedBy);
            if (!keepsPipe && !continuation) {
                joinedBy = operator;
            }
        }
        words = new ArrayList<>();
        assignments = new ArrayList<>();
        redirections = new ArrayList<>();
        substitutions = new ArrayList<>();
        commandConstructs = EnumSet.noneOf(Construct.class);
        commandStart = end + (operator == null ? 0 : operator.length());
    }
}
