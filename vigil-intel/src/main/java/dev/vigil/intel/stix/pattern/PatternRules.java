package dev.vigil.intel.stix.pattern;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a syntactically valid pattern against the rules the grammar cannot express, as the OASIS reference validator
 * applies them:
 * <ul>
 *   <li>one observation may not carry two qualifiers of the same family directly ({@code [a] WITHIN 5 SECONDS WITHIN 6
 *   SECONDS}); putting the qualified observation in parentheses first makes it a new expression, which may be
 *   qualified again;</li>
 *   <li>a value compared with {@code ...hashes.<algorithm>} must have that algorithm's form (hex length; ssdeep
 *   alphabet).</li>
 * </ul>
 */
final class PatternRules {

    private static final Map<String, Pattern> HASH_FORMS = Map.ofEntries(
            Map.entry("MD5", hex(32)), Map.entry("MD6", Pattern.compile("(?:[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|"
                    + "[a-fA-F0-9]{56}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})")),
            Map.entry("RIPEMD160", hex(40)), Map.entry("SHA1", hex(40)), Map.entry("SHA224", hex(56)),
            Map.entry("SHA256", hex(64)), Map.entry("SHA384", hex(96)), Map.entry("SHA512", hex(128)),
            Map.entry("SHA3224", hex(56)), Map.entry("SHA3256", hex(64)), Map.entry("SHA3384", hex(96)),
            Map.entry("SHA3512", hex(128)), Map.entry("SSDEEP", Pattern.compile("[a-zA-Z0-9/+:.]{1,128}")),
            Map.entry("WHIRLPOOL", hex(128)));

    /** Qualifier families already applied to the current observation; null right after a parenthesised group. */
    private Set<String> appliedQualifiers;

    private PatternRules() {
    }

    static void check(ObservationExpression root) throws InvalidPatternException {
        new PatternRules().walk(root);
    }

    /** Post-order, left to right: the same visiting order the reference validator's tree walk uses. */
    private void walk(ObservationExpression expression) throws InvalidPatternException {
        switch (expression) {
            case ObservationExpression.Observation observation -> {
                checkHashes(observation.comparison());
                appliedQualifiers = new HashSet<>();
            }
            case ObservationExpression.Group group -> {
                walk(group.inner());
                appliedQualifiers = null;
            }
            case ObservationExpression.Combination combination -> {
                walk(combination.left());
                walk(combination.right());
            }
            case ObservationExpression.Qualified qualified -> {
                walk(qualified.observation());
                String family = qualified.qualifier().family();
                if (appliedQualifiers != null && !appliedQualifiers.add(family)) {
                    throw new InvalidPatternException("duplicate " + family + " qualifier on one observation "
                            + "(parenthesise the qualified observation to qualify it again)", -1);
                }
            }
        }
    }

    private static void checkHashes(ComparisonExpression comparison) throws InvalidPatternException {
        switch (comparison) {
            case ComparisonExpression.Combination combination -> {
                checkHashes(combination.left());
                checkHashes(combination.right());
            }
            case ComparisonExpression.Exists exists -> {
                // nothing to compare
            }
            case ComparisonExpression.Test test -> checkHashValue(test);
        }
    }

    private static void checkHashValue(ComparisonExpression.Test test) throws InvalidPatternException {
        List<ObjectPath.Step> steps = test.path().steps();
        boolean underHashes = steps.stream()
                .anyMatch(step -> step instanceof ObjectPath.Property property && property.name().equals("hashes"));
        if (!underHashes || !(steps.getLast() instanceof ObjectPath.Property algorithm)) {
            return;
        }
        Pattern form = HASH_FORMS.get(algorithm.name().toUpperCase(Locale.ROOT).replace("-", "").replace("'", ""));
        if (form == null) {
            return;
        }
        List<Literal> values = test.value() instanceof Literal.SetValue set ? set.elements() : List.of(test.value());
        for (Literal value : values) {
            String text = value.text().replace("'", "");
            if (!form.matcher(text).matches()) {
                throw new InvalidPatternException("'" + text + "' is not a valid " + algorithm.name() + " hash (in "
                        + test.path() + ")", -1);
            }
        }
    }

    private static Pattern hex(int digits) {
        return Pattern.compile("[a-fA-F0-9]{" + digits + "}");
    }
}
