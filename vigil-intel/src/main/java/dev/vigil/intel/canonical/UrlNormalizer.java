package dev.vigil.intel.canonical;

/**
 * URL canonical form for matching: refanged; scheme and host lower-cased; the scheme's default port removed; fragment
 * and user info ({@code user:pass@}) dropped, since they do not change which resource is fetched; an empty path becomes
 * {@code /}; path and query keep their case. A value without a scheme is read as {@code http://}. Percent-encoding is
 * left as is (decoding would make distinct URLs collide). {@link CanonicalUrl} holds the parsing.
 */
public final class UrlNormalizer {

    private UrlNormalizer() {
    }

    /** The canonical URL, or null when there is no host or the port is not a number. */
    public static String normalize(String text) {
        CanonicalUrl url = CanonicalUrl.parse(text);
        return url == null ? null : url.toString();
    }
}
