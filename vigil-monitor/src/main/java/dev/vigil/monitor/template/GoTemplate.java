package dev.vigil.monitor.template;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.monitor.template.TemplateNode.Block;
import dev.vigil.monitor.template.TemplateNode.Command;
import dev.vigil.monitor.template.TemplateNode.Operand;
import dev.vigil.monitor.template.TemplateNode.Pipeline;

/**
 * A Go text/template as used in Prometheus alert labels and annotations: actions, pipelines, variables, fields,
 * if/else/with/range, trim markers and comments. {@code define}/{@code template} are not supported.
 */
public final class GoTemplate {

    /** Deeper nesting of blocks or parentheses is rejected instead of overflowing the stack. */
    private static final int MAX_DEPTH = 100;

    private final List<TemplateNode> nodes;

    private GoTemplate(List<TemplateNode> nodes) {
        this.nodes = nodes;
    }

    public static GoTemplate parse(String text) {
        return new GoTemplate(new Parser(text).parseAll());
    }

    /** Executes with {@code dot} as {@code .} and the given initial variables (names without {@code $}). */
    public String execute(Object dot, java.util.Map<String, Object> variables) {
        StringBuilder out = new StringBuilder();
        new TemplateExecutor(variables).run(nodes, dot, out);
        return out.toString();
    }

    /** Splits text and actions, then builds the node tree. */
    private static final class Parser {
        private final String src;
        private int pos;
        private int depth;

        Parser(String src) {
            this.src = src;
        }

        List<TemplateNode> parseAll() {
            List<Object> pieces = split();
            int[] index = {0};
            List<TemplateNode> nodes = parseList(pieces, index, false);
            if (index[0] < pieces.size()) {
                throw new TemplateException("template: unexpected {{" + pieces.get(index[0]) + "}}");
            }
            return nodes;
        }

        /** Text pieces are TemplateNode.Text; actions are String[] {source}. */
        private List<Object> split() {
            List<Object> pieces = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (pos < src.length()) {
                int open = src.indexOf("{{", pos);
                if (open < 0) {
                    text.append(src, pos, src.length());
                    pos = src.length();
                    break;
                }
                text.append(src, pos, open);
                int start = open + 2;
                boolean trimLeft = start + 1 < src.length() && src.charAt(start) == '-' && Character.isWhitespace(src.charAt(start + 1));
                if (trimLeft) {
                    start += 2;
                    int end = text.length();
                    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                        end--;
                    }
                    text.setLength(end);
                }
                int close = findClose(start, open);
                boolean trimRight = close - 2 >= start && src.charAt(close - 1) == '-' && Character.isWhitespace(src.charAt(close - 2));
                String action = src.substring(start, trimRight ? close - 1 : close).trim();
                if (!text.isEmpty()) {
                    pieces.add(new TemplateNode.Text(text.toString()));
                    text.setLength(0);
                }
                if (!(action.startsWith("/*") && action.endsWith("*/"))) {
                    pieces.add(new String[] {action});
                }
                pos = close + 2;
                if (trimRight) {
                    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                        pos++;
                    }
                }
            }
            if (!text.isEmpty()) {
                pieces.add(new TemplateNode.Text(text.toString()));
            }
            return pieces;
        }

        private int findClose(int from, int open) {
            int i = from;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '"' || c == '`' || c == '\'') {
                    int j = i + 1;
                    while (j < src.length() && src.charAt(j) != c) {
                        j += src.charAt(j) == '\\' && c != '`' ? 2 : 1;
                    }
                    i = j + 1;
                    continue;
                }
                if (src.startsWith("}}", i)) {
                    return i;
                }
                i++;
            }
            throw new TemplateException("template: unclosed action starting at offset " + open);
        }

        private List<TemplateNode> parseList(List<Object> pieces, int[] index, boolean inBlock) {
            List<TemplateNode> nodes = new ArrayList<>();
            while (index[0] < pieces.size()) {
                Object piece = pieces.get(index[0]);
                if (piece instanceof TemplateNode.Text t) {
                    nodes.add(t);
                    index[0]++;
                    continue;
                }
                String action = ((String[]) piece)[0];
                String keyword = firstWord(action);
                switch (keyword) {
                    case "end", "else" -> {
                        if (!inBlock) {
                            throw new TemplateException("template: unexpected {{" + action + "}}");
                        }
                        return nodes;
                    }
                    case "if", "with", "range" -> {
                        index[0]++;
                        nodes.add(block(keyword, action.substring(keyword.length()), pieces, index));
                    }
                    case "define", "template", "block", "break", "continue" ->
                            throw new TemplateException("template: {{" + keyword + "}} is not supported");
                    default -> {
                        index[0]++;
                        nodes.add(new TemplateNode.Action(new ActionParser(action).pipeline()));
                    }
                }
            }
            if (inBlock) {
                throw new TemplateException("template: unexpected EOF, missing {{end}}");
            }
            return nodes;
        }

        private Block block(String keyword, String pipelineSource, List<Object> pieces, int[] index) {
            if (++depth > MAX_DEPTH) {
                throw new TemplateException("template: blocks nested too deeply");
            }
            try {
                return parseBlock(keyword, pipelineSource, pieces, index);
            } finally {
                depth--;
            }
        }

        private Block parseBlock(String keyword, String pipelineSource, List<Object> pieces, int[] index) {
            Pipeline pipeline = new ActionParser(pipelineSource).pipeline();
            List<TemplateNode> body = parseList(pieces, index, true);
            List<TemplateNode> elseBranch = List.of();
            String terminator = ((String[]) pieces.get(index[0]))[0];
            index[0]++;
            if (firstWord(terminator).equals("else")) {
                String rest = terminator.substring(4).trim();
                String nested = firstWord(rest);
                if (nested.equals("if") || nested.equals("with")) {
                    // "else if" chains share the outer {{end}}.
                    elseBranch = List.of(block(nested, rest.substring(nested.length()), pieces, index));
                    return new Block(keyword, pipeline, body, elseBranch);
                }
                elseBranch = parseList(pieces, index, true);
                String end = ((String[]) pieces.get(index[0]))[0];
                if (!firstWord(end).equals("end")) {
                    throw new TemplateException("template: expected {{end}}, got {{" + end + "}}");
                }
                index[0]++;
            }
            return new Block(keyword, pipeline, body, elseBranch);
        }

        private static String firstWord(String action) {
            int i = 0;
            while (i < action.length() && Character.isLetter(action.charAt(i))) {
                i++;
            }
            return action.substring(0, i);
        }
    }

    /** Parses the inside of one action into a pipeline. */
    private static final class ActionParser {
        private final String s;
        private int pos;

        ActionParser(String s) {
            this.s = s;
        }

        Pipeline pipeline() {
            Pipeline p = pipelineUntil(false);
            skipSpace();
            if (pos < s.length()) {
                throw new TemplateException("template: unexpected \"" + s.substring(pos) + "\" in action {{" + s + "}}");
            }
            return p;
        }

        private int depth;

        private Pipeline pipelineUntil(boolean nested) {
            if (++depth > MAX_DEPTH) {
                throw new TemplateException("template: parentheses nested too deeply in {{" + s + "}}");
            }
            try {
                return parsePipeline(nested);
            } finally {
                depth--;
            }
        }

        private Pipeline parsePipeline(boolean nested) {
            List<String> declared = new ArrayList<>();
            boolean assign = false;
            int mark = pos;
            skipSpace();
            // optional "$x :=" or "$k, $v :="
            while (peek() == '$') {
                int save = pos;
                String name = variableName();
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                    declared.add(name);
                    continue;
                }
                if (s.startsWith(":=", pos) || (peek() == '=' && !s.startsWith("==", pos))) {
                    assign = peek() == '=';
                    pos += assign ? 1 : 2;
                    declared.add(name);
                    break;
                }
                pos = save;
                declared.clear();
                break;
            }
            if (declared.isEmpty()) {
                pos = mark;
            }
            List<Command> commands = new ArrayList<>();
            while (true) {
                commands.add(command(nested));
                skipSpace();
                if (peek() == '|') {
                    pos++;
                    continue;
                }
                break;
            }
            return new Pipeline(List.copyOf(declared), assign, List.copyOf(commands));
        }

        private Command command(boolean nested) {
            List<Operand> operands = new ArrayList<>();
            while (true) {
                skipSpace();
                char c = peek();
                if (c == 0 || c == '|' || (c == ')' && nested)) {
                    break;
                }
                operands.add(operand());
            }
            if (operands.isEmpty()) {
                throw new TemplateException("template: missing value for command in {{" + s + "}}");
            }
            return new Command(List.copyOf(operands));
        }

        private Operand operand() {
            char c = peek();
            Operand base;
            if (c == '(') {
                pos++;
                Pipeline inner = pipelineUntil(true);
                skipSpace();
                if (peek() != ')') {
                    throw new TemplateException("template: unclosed left paren in {{" + s + "}}");
                }
                pos++;
                return new TemplateNode.Nested(inner, fields());
            } else if (c == '"' || c == '`') {
                base = new TemplateNode.Literal(string());
            } else if (c == '$') {
                String name = variableName();
                return new TemplateNode.Variable(name, fields());
            } else if (c == '.') {
                return new TemplateNode.DotField(fields());
            } else if (Character.isDigit(c) || c == '-' || c == '+') {
                base = new TemplateNode.Literal(number());
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String word = s.substring(start, pos);
                base = switch (word) {
                    case "true" -> new TemplateNode.Literal(Boolean.TRUE);
                    case "false" -> new TemplateNode.Literal(Boolean.FALSE);
                    case "nil" -> new TemplateNode.Literal(null);
                    default -> new TemplateNode.Function(word);
                };
            } else {
                throw new TemplateException("template: unexpected \"" + c + "\" in {{" + s + "}}");
            }
            return base;
        }

        private List<String> fields() {
            List<String> fields = new ArrayList<>();
            while (peek() == '.') {
                pos++;
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                if (pos > start) {
                    fields.add(s.substring(start, pos));
                }
            }
            return List.copyOf(fields);
        }

        private String variableName() {
            int start = ++pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String string() {
            char quote = s.charAt(pos++);
            StringBuilder out = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c == '\\' && quote == '"' && pos < s.length()) {
                    char e = s.charAt(pos++);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            if (pos >= s.length()) {
                throw new TemplateException("template: unterminated quoted string in {{" + s + "}}");
            }
            pos++;
            return out.toString();
        }

        private Object number() {
            int start = pos;
            pos++;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                    || ((s.charAt(pos) == '-' || s.charAt(pos) == '+') && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            String text = s.substring(start, pos);
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e2) {
                    throw new TemplateException("template: bad number syntax: \"" + text + "\"");
                }
            }
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }
    }
}
