package dev.vigil.vuln.csaf;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;
import static dev.vigil.vuln.csaf.CsafDocumentView.text;

/** §6.1.14, 6.1.16-6.1.22, 6.1.30: the document version, its status and the revision history agree. */
final class RevisionHistoryTests {

    private static final String HISTORY = "/document/tracking/revision_history";
    private static final String VERSION = "/document/tracking/version";
    private static final Set<String> RELEASED = Set.of("final", "interim");

    /** A revision history item whose number and date could be read. */
    private record Revision(String path, String text, VersionNumber number, OffsetDateTime date) {
    }

    private RevisionHistoryTests() {
    }

    static List<ConformanceTest> all() {
        return List.of(
                new ConformanceTest("6.1.14", "Sorted Revision History", RevisionHistoryTests::sorted),
                new ConformanceTest("6.1.16", "Latest Document Version", RevisionHistoryTests::latestVersion),
                new ConformanceTest("6.1.17", "Document Status Draft", RevisionHistoryTests::statusDraft),
                new ConformanceTest("6.1.18", "Released Revision History", RevisionHistoryTests::releasedHistory),
                new ConformanceTest("6.1.19", "Revision History Entries for Pre-release Versions",
                        RevisionHistoryTests::preReleaseEntries),
                new ConformanceTest("6.1.20", "Non-draft Document Version", RevisionHistoryTests::nonDraftVersion),
                new ConformanceTest("6.1.21", "Missing Item in Revision History", RevisionHistoryTests::missingItem),
                new ConformanceTest("6.1.22", "Multiple Definition in Revision History", RevisionHistoryTests::multipleDefinition),
                new ConformanceTest("6.1.30", "Mixed Integer and Semantic Versioning", RevisionHistoryTests::mixedVersioning));
    }

    private static void sorted(CsafDocumentView doc, Report report) {
        List<Revision> byDate = byDate(doc);
        if (mixed(byDate)) {
            return;
        }
        for (int i = 1; i < byDate.size(); i++) {
            if (byDate.get(i - 1).number().compareTo(byDate.get(i).number()) > 0) {
                report.fail(byDate.get(i).path() + "/number", "revision " + byDate.get(i).text() + " is dated after revision "
                        + byDate.get(i - 1).text() + " but has a lower number");
            }
        }
    }

    private static void latestVersion(CsafDocumentView doc, Report report) {
        List<Revision> byDate = byDate(doc);
        VersionNumber version = VersionNumber.parse(text(tracking(doc).path("version")));
        if (byDate.isEmpty() || version == null) {
            return;
        }
        VersionNumber latest = byDate.getLast().number();
        boolean draft = "draft".equals(text(tracking(doc).path("status")));
        VersionNumber expected = draft ? latest.release() : latest;
        VersionNumber actual = draft ? version.release() : version;
        if (expected.semantic() != actual.semantic() || expected.compareTo(actual) != 0) {
            report.fail(VERSION, "the version " + text(tracking(doc).path("version"))
                    + " is not the number of the latest revision (" + byDate.getLast().text() + ")");
        }
    }

    private static void statusDraft(CsafDocumentView doc, Report report) {
        VersionNumber version = VersionNumber.parse(text(tracking(doc).path("version")));
        String status = text(tracking(doc).path("status"));
        if (version != null && (version.isBeforeFirstRelease() || version.isPreRelease()) && !"draft".equals(status)) {
            report.fail("/document/tracking/status", "a document with version " + text(tracking(doc).path("version"))
                    + " must have the status draft, not " + status);
        }
    }

    private static void releasedHistory(CsafDocumentView doc, Report report) {
        String status = text(tracking(doc).path("status"));
        if (status == null || !RELEASED.contains(status)) {
            return;
        }
        for (Revision revision : revisions(doc)) {
            if (revision.number().isBeforeFirstRelease()) {
                report.fail(revision.path() + "/number", "a " + text(tracking(doc).path("status"))
                        + " document must not list the unreleased revision " + revision.text());
            }
        }
    }

    private static void preReleaseEntries(CsafDocumentView doc, Report report) {
        for (Revision revision : revisions(doc)) {
            if (revision.number().isPreRelease()) {
                report.fail(revision.path() + "/number", "revision " + revision.text() + " is a pre-release");
            }
        }
    }

    private static void nonDraftVersion(CsafDocumentView doc, Report report) {
        VersionNumber version = VersionNumber.parse(text(tracking(doc).path("version")));
        String status = text(tracking(doc).path("status"));
        if (version != null && version.isPreRelease() && status != null && RELEASED.contains(status)) {
            report.fail(VERSION, "a " + status + " document must not have the pre-release version "
                    + text(tracking(doc).path("version")));
        }
    }

    private static void missingItem(CsafDocumentView doc, Report report) {
        List<Revision> byDate = byDate(doc);
        if (byDate.isEmpty() || mixed(byDate)) {
            return;
        }
        if (byDate.getFirst().number().major() > 1) {
            report.fail(byDate.getFirst().path() + "/number", "the first revision is " + byDate.getFirst().text()
                    + "; it must be 0 or 1 (major version 0 or 1)");
        }
        for (int i = 1; i < byDate.size(); i++) {
            long previous = byDate.get(i - 1).number().major();
            long current = byDate.get(i).number().major();
            if (current > previous + 1) {
                report.fail(byDate.get(i).path() + "/number", "revision " + byDate.get(i).text() + " follows "
                        + byDate.get(i - 1).text() + ": " + (current - previous - 1) + " version(s) missing");
            }
        }
    }

    private static void multipleDefinition(CsafDocumentView doc, Report report) {
        Map<String, String> first = new HashMap<>();
        each(tracking(doc).path("revision_history"), HISTORY, (item, path) -> {
            String number = text(item.path("number"));
            if (number != null) {
                String earlier = first.putIfAbsent(number, path);
                if (earlier != null) {
                    report.fail(path + "/number", "revision " + number + " is already listed at " + earlier);
                }
            }
        });
    }

    private static void mixedVersioning(CsafDocumentView doc, Report report) {
        VersionNumber version = VersionNumber.parse(text(tracking(doc).path("version")));
        if (version == null) {
            return;
        }
        for (Revision revision : revisions(doc)) {
            if (revision.number().semantic() != version.semantic()) {
                report.fail(revision.path() + "/number", "revision " + revision.text() + " uses "
                        + (revision.number().semantic() ? "semantic" : "integer") + " versioning, the document version "
                        + (version.semantic() ? "semantic" : "integer") + " versioning");
            }
        }
    }

    private static JsonNode tracking(CsafDocumentView doc) {
        return doc.document().path("tracking");
    }

    private static boolean mixed(List<Revision> revisions) {
        return revisions.stream().map(r -> r.number().semantic()).distinct().count() > 1;
    }

    /** The readable revisions in document order. */
    private static List<Revision> revisions(CsafDocumentView doc) {
        List<Revision> revisions = new ArrayList<>();
        each(tracking(doc).path("revision_history"), HISTORY, (item, path) -> {
            String text = text(item.path("number"));
            VersionNumber number = VersionNumber.parse(text);
            if (number != null) {
                revisions.add(new Revision(path, text, number, date(text(item.path("date")))));
            }
        });
        return revisions;
    }

    /** The revisions sorted ascending by date (then by number); those without a readable date are left out. */
    private static List<Revision> byDate(CsafDocumentView doc) {
        return revisions(doc).stream().filter(r -> r.date() != null)
                .sorted(Comparator.comparing((Revision r) -> r.date().toInstant()).thenComparing(Revision::number))
                .toList();
    }

    private static OffsetDateTime date(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
