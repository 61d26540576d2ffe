package dev.vigil.server.intel.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The layouts a feed can have; each is read by one of vigil-intel's readers. */
public enum FeedFormat {
    CSV("csv", "CSV id,type,value[,source,confidence,first_seen,last_seen,valid_until]"),
    PLAIN("plain", "one indicator a line (# or ; comments, DROP style 'CIDR ; ref')"),
    STIX("stix", "STIX 2.1 bundle (JSON)"),
    MISP("misp", "MISP feed: manifest.json and <event uuid>.json files (a zip upload, or the feed's base URL)"),
    ABUSECH_CSV("abusech-csv", "abuse.ch CSV export (URLhaus, Feodo Tracker, ThreatFox)"),
    THREATFOX_JSON("threatfox-json", "ThreatFox API JSON response"),
    TAXII("taxii", "TAXII 2.1 collection (its URL), polled for new objects");

    private final String label;
    private final String description;

    FeedFormat(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    /** A TAXII collection is only polled; every other format can also be uploaded. */
    public boolean uploadable() {
        return this != TAXII;
    }

    public static Optional<FeedFormat> of(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }

    /** The formats and what each means, for error messages. */
    public static String describeAll() {
        return Arrays.stream(values()).map(f -> f.label + " (" + f.description + ")").collect(Collectors.joining(", "));
    }
}
