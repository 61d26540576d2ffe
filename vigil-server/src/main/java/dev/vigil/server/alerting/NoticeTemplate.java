package dev.vigil.server.alerting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.server.platform.web.ProblemException;

/**
 * A notice text with {@code {{placeholder}}} fields (letters, digits, dots, dashes and underscores), filled from
 * values. A placeholder without a value is an error naming it, so a notice never goes out with a hole in it.
 */
public record NoticeTemplate(String text) {

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    public NoticeTemplate {
        if (text == null) {
            throw ProblemException.badRequest("invalid-template", "the template text is missing");
        }
        Matcher stray = Pattern.compile("\\{\\{(?![^{}]*}})").matcher(text);
        if (stray.find()) {
            throw ProblemException.badRequest("invalid-template", "unclosed {{ at character " + (stray.start() + 1));
        }
    }

    /** The placeholders the text uses, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The text with every placeholder replaced; 400 naming the placeholders that have no value. */
    public String render(Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (String name : placeholders()) {
            if (values.get(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("invalid-template", "no value for placeholder(s) " + String.join(", ", missing)
                    + "; known: " + String.join(", ", values.keySet().stream().sorted().toList()));
        }
        return FIELD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }
}
