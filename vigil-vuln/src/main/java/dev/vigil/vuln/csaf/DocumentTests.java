package dev.vigil.vuln.csaf;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.vigil.vuln.csaf.CsafDocumentView.text;

/** §6.1.12, 6.1.15, 6.1.26, 6.1.28: the document's languages, publisher and category. */
final class DocumentTests {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Set<String> ISO_3166 = Set.of(Locale.getISOCountries());

    /** §6.1.26: names and categories of the profiles other than CSAF Base, without dashes, blanks and underscores. */
    private static final Set<String> RESERVED_CATEGORIES = Set.of(
            "securityincidentresponse", "informationaladvisory", "securityadvisory", "vex",
            "csafsecurityincidentresponse", "csafinformationaladvisory", "csafsecurityadvisory", "csafvex");

    private DocumentTests() {
    }

    static List<ConformanceTest> all() {
        return List.of(
                new ConformanceTest("6.1.12", "Language", DocumentTests::language),
                new ConformanceTest("6.1.15", "Translator", DocumentTests::translator),
                new ConformanceTest("6.1.26", "Prohibited Document Category Name", DocumentTests::prohibitedCategory),
                new ConformanceTest("6.1.28", "Translation", DocumentTests::translation));
    }

    private static void language(CsafDocumentView doc, Report report) {
        for (String field : List.of("lang", "source_lang")) {
            String tag = text(doc.document().path(field));
            if (tag != null && !isValidLanguageTag(tag)) {
                report.fail("/document/" + field, "'" + tag + "' is not a valid language tag (BCP 47)");
            }
        }
    }

    /** Well-formed (RFC 5646) with a known ISO 639 language (two letters) and ISO 3166 region (two letters). */
    static boolean isValidLanguageTag(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return false;
        }
        String language = locale.getLanguage();
        if (language.length() == 2 && !ISO_639_1.contains(language)) {
            return false;
        }
        String region = locale.getCountry();
        return region.length() != 2 || ISO_3166.contains(region);
    }

    private static void translator(CsafDocumentView doc, Report report) {
        if ("translator".equals(text(doc.document().path("publisher").path("category")))
                && text(doc.document().path("source_lang")) == null) {
            report.fail("/document/source_lang", "a document published by a translator must name its source language");
        }
    }

    private static void prohibitedCategory(CsafDocumentView doc, Report report) {
        String category = doc.category();
        if (Profile.of(category) != null || category.isEmpty()) {
            return;
        }
        String normalized = category.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
        if (RESERVED_CATEGORIES.contains(normalized)) {
            report.fail("/document/category", "'" + category + "' is too close to the name of a CSAF profile");
        } else if (category.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
            report.fail("/document/category", "'" + category + "' uses the reserved prefix csaf_");
        }
    }

    private static void translation(CsafDocumentView doc, Report report) {
        String lang = text(doc.document().path("lang"));
        String sourceLang = text(doc.document().path("source_lang"));
        if (lang != null && lang.equalsIgnoreCase(sourceLang)) {
            report.fail("/document/source_lang", "the source language is the document's language (" + lang + ")");
        }
    }
}
