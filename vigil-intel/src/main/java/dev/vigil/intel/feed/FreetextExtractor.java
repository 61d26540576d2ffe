package dev.vigil.intel.feed;

import dev.vigil.intel.canonical.DomainNames;
import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Refanger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls URLs, IPv4 addresses and domain names out of prose such as incident notes, after refanging ({@code hxxp},
 * {@code [.]}). URLs are taken first and removed, so their hosts are not reported again as domains; names ending in a
 * common file extension ({@code payload.exe}) are not domains.
 */
public final class FreetextExtractor {

    /** What one text yielded, each list in order of first appearance without duplicates. */
    public record Extracted(List<String> urls, List<String> ipv4, List<String> domains) {
    }

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s\"'<>]+");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w.])");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)(?<![\\w.@-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9](?![\\w@-])");
    private static final Set<String> FILE_EXTENSIONS = Set.of("exe", "dll", "bin", "sh", "php", "js", "ps1", "bat",
            "zip", "rar", "7z", "doc", "docx", "xls", "xlsx", "pdf", "txt", "log", "jar", "py", "vbs", "msi", "lnk");

    private FreetextExtractor() {
    }

    public static Extracted extract(String text) {
        String refanged = Refanger.refang(text);
        Set<String> urls = new LinkedHashSet<>();
        Matcher url = URL.matcher(refanged);
        StringBuilder rest = new StringBuilder();
        while (url.find()) {
            urls.add(trimTrailingPunctuation(url.group()));
            url.appendReplacement(rest, " ");
        }
        url.appendTail(rest);
        String remaining = rest.toString();

        Set<String> addresses = new LinkedHashSet<>();
        Matcher ip = IPV4.matcher(remaining);
        while (ip.find()) {
            if (Ipv4.parse(ip.group()) != Ipv4.INVALID) {
                addresses.add(ip.group());
            }
        }
        Set<String> domains = new LinkedHashSet<>();
        Matcher domain = DOMAIN.matcher(remaining);
        while (domain.find()) {
            String name = domain.group();
            String tld = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!FILE_EXTENSIONS.contains(tld) && DomainNames.canonicalize(name) != null) {
                domains.add(DomainNames.canonicalize(name));
            }
        }
        return new Extracted(List.copyOf(urls), List.copyOf(addresses), List.copyOf(domains));
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:)]}>!?".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
