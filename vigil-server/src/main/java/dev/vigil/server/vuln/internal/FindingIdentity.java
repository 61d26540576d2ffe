package dev.vigil.server.vuln.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import dev.vigil.vuln.report.Component;
import dev.vigil.vuln.report.Finding;

/**
 * The stable identity of a finding within its asset: kind, vulnerability, component and location. The component is
 * its package URL without version and qualifiers (or its name), so an upgrade that is still vulnerable stays the same
 * finding; the location drops the host the report names, which the asset already is. Scanner ids never enter it.
 */
public final class FindingIdentity {

    private FindingIdentity() {
    }

    public static String of(Finding finding) {
        String text = finding.kind().name() + "\n" + vulnerability(finding).toUpperCase(Locale.ROOT) + "\n"
                + component(finding.component()) + "\n" + location(finding);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The vulnerability or rule id; a finding without one is named by its title. */
    public static String vulnerability(Finding finding) {
        if (finding.vulnerabilityId() != null) {
            return finding.vulnerabilityId();
        }
        return finding.title() != null ? finding.title() : "(unidentified)";
    }

    static String component(Component component) {
        if (component == null) {
            return "";
        }
        if (component.purl() != null && component.purl().startsWith("pkg:")) {
            String purl = component.purl();
            for (char end : new char[] {'?', '#'}) {
                int at = purl.indexOf(end);
                if (at > 0) {
                    purl = purl.substring(0, at);
                }
            }
            int version = purl.lastIndexOf('@');
            return (version > 0 ? purl.substring(0, version) : purl).toLowerCase(Locale.ROOT);
        }
        return component.name() == null ? "" : component.name().toLowerCase(Locale.ROOT);
    }

    static String location(Finding finding) {
        String location = finding.location() == null ? "" : finding.location();
        String target = finding.target();
        if (target != null && location.equals(target)) {
            return "";
        }
        if (target != null && location.startsWith(target + ":")) {
            return location.substring(target.length() + 1);
        }
        return location;
    }
}
