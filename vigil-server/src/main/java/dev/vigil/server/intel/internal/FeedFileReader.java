package dev.vigil.server.intel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.intel.feed.AbuseChCsvReader;
import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.intel.feed.FeedProblem;
import dev.vigil.intel.feed.IocCsvReader;
import dev.vigil.intel.feed.MispFeedReader;
import dev.vigil.intel.feed.PlainListReader;
import dev.vigil.intel.feed.ThreatFoxJsonReader;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.bundle.StixIndicator;
import dev.vigil.intel.stix.compile.PatternCompilation;
import dev.vigil.intel.stix.compile.PatternIndicatorCompiler;

/**
 * Reads a feed file of a given format into {@link FeedContent} with vigil-intel's readers. STIX indicators are
 * compiled to indicator values; those whose pattern the matcher cannot evaluate are reported with the reason.
 */
public final class FeedFileReader {

    private FeedFileReader() {
    }

    /**
     * @param file a file, or for MISP a directory holding {@code manifest.json} or a zip archive of one
     * @param maxBytes the most an unpacked MISP archive may hold
     */
    public static FeedContent read(FeedFormat format, Path file, String feedName, long maxBytes) throws FeedFormatException, IOException {
        FeedContent content = new FeedContent();
        List<FeedProblem> problems = switch (format) {
            case CSV -> new IocCsvReader().read(file, i -> content.add(i, ""));
            case PLAIN -> new PlainListReader().read(file, feedName, i -> content.add(i, ""));
            case ABUSECH_CSV -> new AbuseChCsvReader().read(file, i -> content.add(i, ""));
            case THREATFOX_JSON -> new ThreatFoxJsonReader().readWithTechniques(file, (i, techniques) -> content.add(i, "", techniques));
            case STIX -> {
                StixBundleReader.Result bundle = new StixBundleReader().read(file);
                bundle.indicators().forEach(stix -> addStix(content, stix, feedName, bundle.techniques().techniquesOf(stix)));
                yield bundle.problems();
            }
            case MISP -> readMisp(file, content, maxBytes);
            case TAXII -> throw new IllegalArgumentException("a TAXII collection is polled, not read from a file");
        };
        for (FeedProblem problem : problems) {
            String where = format == FeedFormat.MISP && problem.file() != null ? problem.file().getFileName() + ": " : "";
            content.problem(where + (problem.line() > 0 ? "line " + problem.line() + ": " : "") + problem.reason());
        }
        return content;
    }

    private static List<FeedProblem> readMisp(Path file, FeedContent content, long maxBytes) throws FeedFormatException, IOException {
        if (Files.isDirectory(file)) {
            return new MispFeedReader().readWithTechniques(file, (i, techniques) -> content.add(i, i.source(), techniques));
        }
        Path directory = MispArchive.unpack(file, maxBytes);
        try {
            return new MispFeedReader().readWithTechniques(directory, (i, techniques) -> content.add(i, i.source(), techniques));
        } finally {
            MispArchive.delete(directory);
        }
    }

    /**
     * Adds what a STIX indicator contributes: a revoked one revokes its reference; a pattern with several values gets
     * one reference per value ({@code <id>#1}, {@code #2}, ...).
     */
    public static void addStix(FeedContent content, StixIndicator stix, String source, List<String> techniques) {
        if (stix.revoked()) {
            content.revoke(stix.id());
            return;
        }
        PatternCompilation compiled = PatternIndicatorCompiler.compile(stix, source);
        compiled.problems().forEach(content::problem);
        List<Indicator> values = compiled.indicators();
        String description = stix.name() == null ? String.join(", ", stix.indicatorTypes()) : stix.name();
        for (int k = 0; k < values.size(); k++) {
            Indicator value = values.get(k);
            String ref = values.size() == 1 ? stix.id() : stix.id() + "#" + (k + 1);
            content.add(new Indicator(ref, value.type(), value.value(), value.source(), value.confidence(), value.firstSeen(),
                    value.lastSeen(), value.validUntil()), description, techniques);
        }
    }

    /** The STIX id a stored reference belongs to ({@code <id>#n} is the n-th value of one indicator). */
    public static String stixId(String ref) {
        int hash = ref.indexOf('#');
        return hash < 0 ? ref : ref.substring(0, hash);
    }
}
