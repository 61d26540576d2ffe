package dev.vigil.monitor.exposition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import dev.vigil.monitor.promql.model.Labels;

/**
 * Parses the Prometheus text exposition format 0.0.4 (what node_exporter and client libraries serve): comment lines,
 * {@code name{label="value",...} value [timestamp]}, label values with {@code \\}, {@code \"} and {@code \n} escapes,
 * and the float spellings {@code NaN}, {@code +Inf}, {@code -Inf}. A line it cannot read fails the whole scrape, as in
 * Prometheus, with the line number in the message.
 */
public final class TextFormatParser {

    private TextFormatParser() {
    }

    public static List<ScrapedSample> parse(String body) {
        List<ScrapedSample> out = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ScrapedSample sample = new LineReader(line, i + 1).sample();
            if (!seen.add(sample.labels())) {
                throw new ExpositionException("line " + (i + 1) + ": duplicate series " + sample.labels());
            }
            out.add(sample);
        }
        return out;
    }

    /** Reads one sample line left to right. */
    private static final class LineReader {
        private final String line;
        private final int number;
        private int pos;

        LineReader(String line, int number) {
            this.line = line;
            this.number = number;
        }

        ScrapedSample sample() {
            String name = name(true);
            TreeMap<String, String> labels = new TreeMap<>();
            labels.put(Labels.METRIC_NAME, name);
            skipBlanks();
            if (pos < line.length() && line.charAt(pos) == '{') {
                pos++;
                labels(labels);
            }
            skipBlanks();
            String valueText = token();
            if (valueText.isEmpty()) {
                throw error("missing value");
            }
            double value = number(valueText);
            skipBlanks();
            long timestamp = -1;
            String timestampText = token();
            if (!timestampText.isEmpty()) {
                try {
                    timestamp = Long.parseLong(timestampText);
                } catch (NumberFormatException e) {
                    throw error("invalid timestamp \"" + timestampText + "\"");
                }
            }
            skipBlanks();
            if (pos < line.length()) {
                throw error("unexpected text after the sample: \"" + line.substring(pos) + "\"");
            }
            return new ScrapedSample(Labels.of(labels), value, timestamp);
        }

        private void labels(TreeMap<String, String> labels) {
            while (true) {
                skipBlanks();
                if (pos < line.length() && line.charAt(pos) == '}') {
                    pos++;
                    return;
                }
                String label = name(false);
                skipBlanks();
                expect('=');
                skipBlanks();
                expect('"');
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (pos >= line.length()) {
                        throw error("unterminated label value of " + label);
                    }
                    char c = line.charAt(pos++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        if (pos >= line.length()) {
                            throw error("unterminated escape in label value of " + label);
                        }
                        char escaped = line.charAt(pos++);
                        switch (escaped) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw error("invalid escape \\" + escaped + " in label value of " + label);
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(label, value.toString()) != null) {
                    throw error("duplicate label " + label);
                }
                skipBlanks();
                if (pos < line.length() && line.charAt(pos) == ',') {
                    pos++;
                } else if (pos >= line.length() || line.charAt(pos) != '}') {
                    throw error("expected ',' or '}' after label " + label);
                }
            }
        }

        private String name(boolean metric) {
            int start = pos;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (metric && c == ':')
                        || (pos > start && c >= '0' && c <= '9');
                if (!ok) {
                    break;
                }
                pos++;
            }
            if (pos == start) {
                throw error("expected a " + (metric ? "metric" : "label") + " name");
            }
            return line.substring(start, pos);
        }

        private String token() {
            int start = pos;
            while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
                pos++;
            }
            return line.substring(start, pos);
        }

        private double number(String text) {
            return switch (text) {
                case "NaN" -> Double.NaN;
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> {
                    try {
                        yield Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw error("invalid value \"" + text + "\"");
                    }
                }
            };
        }

        private void expect(char c) {
            if (pos >= line.length() || line.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skipBlanks() {
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private ExpositionException error(String problem) {
            return new ExpositionException("line " + number + ": " + problem);
        }
    }
}
