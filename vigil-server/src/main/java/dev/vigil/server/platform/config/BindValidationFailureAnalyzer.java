package dev.vigil.server.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting that fails validation, named the way users write it ({@code vigil.ingest.syslog-udp-port}, not the
 * record component {@code syslogUdpPort}), with its value and the rule it breaks.
 */
class BindValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        List<String> lines = new ArrayList<>();
        String prefix = cause.getValidationErrors().getName().toString();
        for (ObjectError error : cause.getValidationErrors().getAllErrors()) {
            if (error instanceof FieldError field) {
                lines.add("invalid configuration " + prefix + "." + kebab(field.getField()) + ": " + field.getDefaultMessage()
                        + " (was '" + field.getRejectedValue() + "')");
            } else {
                lines.add("invalid configuration " + prefix + ": " + error.getDefaultMessage());
            }
        }
        return new FailureAnalysis(String.join("\n", lines), "Correct the setting (see `vigil config`) and start again.", cause);
    }

    static String kebab(String path) {
        Matcher matcher = CAMEL.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, matcher.group(1) + "-" + matcher.group(2).toLowerCase(Locale.ROOT));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
