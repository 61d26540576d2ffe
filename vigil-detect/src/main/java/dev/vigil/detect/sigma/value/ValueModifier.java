package dev.vigil.detect.sigma.value;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every value modifier of Sigma v2.1, with the aliases the reference implementation accepts. */
public enum ValueModifier {
    CONTAINS("contains"), STARTSWITH("startswith"), ENDSWITH("endswith"), ALL("all"), WINDASH("windash"),
    BASE64("base64"), BASE64OFFSET("base64offset"), UTF16LE("utf16le", "wide"), UTF16BE("utf16be"), UTF16("utf16"),
    RE("re"), IGNORECASE("i", "ignorecase"), MULTILINE("m", "multiline"), DOTALL("s", "dotall"), CIDR("cidr"),
    EXISTS("exists"), FIELDREF("fieldref"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"), NEQ("neq"), CASED("cased"),
    EXPAND("expand"), MINUTE("minute"), HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month"), YEAR("year");

    private static final Map<String, ValueModifier> BY_NAME = Stream.of(values())
            .flatMap(m -> Stream.of(m.names).map(n -> Map.entry(n, m)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String[] names;

    ValueModifier(String... names) {
        this.names = names;
    }

    public static Optional<ValueModifier> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The spelling used in rules. */
    public String ruleName() {
        return names[0];
    }
}
