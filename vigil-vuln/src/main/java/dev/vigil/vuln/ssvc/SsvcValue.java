package dev.vigil.vuln.ssvc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A decision-point value with the spellings it is accepted under (published data mixes case and abbreviations). */
interface SsvcValue {

    /** Accepted spellings, lower-case; the first is the canonical name. */
    List<String> spellings();

    /** Finds the value whose spellings contain {@code raw} after trimming and lower-casing. */
    static <E extends Enum<E> & SsvcValue> E parse(Class<E> type, String decisionPoint, String raw) {
        if (raw != null) {
            String normalized = raw.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
            for (E value : type.getEnumConstants()) {
                if (value.spellings().contains(normalized)) {
                    return value;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(v -> v.spellings().get(0))
                .collect(Collectors.joining(", "));
        throw new InvalidSsvcValueException(decisionPoint, raw, allowed);
    }
}
