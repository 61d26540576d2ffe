package dev.vigil.intel.feed;

import dev.vigil.intel.indicator.Indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one-value-per-line lists (plain IP, domain, URL or hash lists; Spamhaus DROP style {@code CIDR ; SBLnnn}).
 * Lines starting with {@code #} or {@code ;} are comments; text after {@code " ;"} or {@code " #"} is a reference,
 * used as the indicator id when present (otherwise {@code source:line}). Each value's type is detected on its own.
 */
public final class PlainListReader {

    public List<FeedProblem> read(Path file, String source, Consumer<Indicator> sink) throws FeedFormatException {
        List<FeedProblem> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
                    continue;
                }
                String reference = null;
                int marker = referenceStart(text);
                if (marker > 0) {
                    reference = text.substring(marker + 1).strip();
                    text = text.substring(0, marker).strip();
                }
                String value = text;
                String id = reference == null || reference.isEmpty() ? source + ":" + lineNumber : reference;
                long where = lineNumber;
                IndicatorValueClassifier.classify(value).ifPresentOrElse(type -> {
                    try {
                        sink.accept(new Indicator(id, type, value, source, Indicator.UNKNOWN_CONFIDENCE, null, null,
                                null));
                    } catch (IllegalArgumentException e) {
                        problems.add(new FeedProblem(file, where, e.getMessage()));
                    }
                }, () -> problems.add(new FeedProblem(file, where, "not a recognisable indicator: '" + value + "'")));
            }
        } catch (IOException e) {
            throw new FeedFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return problems;
    }

    private static int referenceStart(String text) {
        int semicolon = text.indexOf(" ;");
        int hash = text.indexOf(" #");
        if (semicolon < 0) {
            return hash < 0 ? -1 : hash + 1;
        }
        return hash < 0 ? semicolon + 1 : Math.min(semicolon + 1, hash + 1);
    }
}
