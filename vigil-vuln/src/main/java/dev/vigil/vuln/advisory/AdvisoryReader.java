package dev.vigil.vuln.advisory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.json.JsonCursor;
import dev.vigil.vuln.parse.json.JsonDocumentParser;

/**
 * Reads advisory records in OSV or CVE JSON 5 form (recognised from the content) from one JSON record, a JSON array of
 * records, or a zip of such files (as OSV's {@code all.zip} exports). Each record stands alone: a broken one is
 * skipped with its reason and the others are still read. A file that is not JSON or zip at all is an error.
 */
public final class AdvisoryReader {

    /** Upper bound of the uncompressed content of a zip, so that a small upload cannot expand without limit. */
    public static final long MAX_UNZIPPED_BYTES = 2L * 1024 * 1024 * 1024;
    public static final int MAX_ZIP_ENTRIES = 500_000;

    private AdvisoryReader() {
    }

    public static AdvisoryFile read(String source, byte[] content) throws InvalidInputException {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return readZip(source, content);
        }
        List<Advisory> advisories = new ArrayList<>();
        List<AdvisoryFile.Skipped> skipped = new ArrayList<>();
        readJson(source, content, advisories, skipped);
        return new AdvisoryFile(advisories, skipped);
    }

    private static void readJson(String source, byte[] content, List<Advisory> advisories,
            List<AdvisoryFile.Skipped> skipped) throws InvalidInputException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidInputException(source, "line 1", "empty file");
        }
        JsonCursor root = JsonDocumentParser.parse(source, text);
        List<JsonCursor> records = root.isArray() ? root.elements() : List.of(root);
        for (JsonCursor record : records) {
            try {
                readRecord(record).ifPresentOrElse(advisories::add, () -> skipped.add(new AdvisoryFile.Skipped(source,
                        record.pointer(), "CVE record in state REJECTED is not an advisory", true)));
            } catch (InvalidInputException e) {
                skipped.add(new AdvisoryFile.Skipped(e.source(), e.place(), e.reason(), false));
            }
        }
    }

    /** One record; empty for a REJECTED CVE record. */
    public static Optional<Advisory> readRecord(JsonCursor record) throws InvalidInputException {
        if (CveRecordReader.recognises(record)) {
            return CveRecordReader.read(record);
        }
        if (OsvReader.recognises(record)) {
            return Optional.of(OsvReader.read(record));
        }
        throw record.error(record.pointer(), "neither an OSV record (id, modified, affected) nor a CVE JSON 5 record (cveMetadata)");
    }

    private static AdvisoryFile readZip(String source, byte[] content) throws InvalidInputException {
        List<Advisory> advisories = new ArrayList<>();
        List<AdvisoryFile.Skipped> skipped = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new InvalidInputException(source, entry.getName(), "more than " + MAX_ZIP_ENTRIES + " files in the zip");
                }
                String name = source + "!" + entry.getName();
                if (!entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                    skipped.add(new AdvisoryFile.Skipped(name, "", "not a .json file", false));
                    continue;
                }
                byte[] bytes = readBounded(zip, MAX_UNZIPPED_BYTES - total, source, entry.getName());
                total += bytes.length;
                try {
                    readJson(name, bytes, advisories, skipped);
                } catch (InvalidInputException e) {
                    skipped.add(new AdvisoryFile.Skipped(e.source(), e.place(), e.reason(), false));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(source, "", "not a readable zip: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new InvalidInputException(source, "", "the zip holds no files");
        }
        return new AdvisoryFile(advisories, skipped);
    }

    private static byte[] readBounded(InputStream in, long budget, String source, String entry)
            throws IOException, InvalidInputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > budget) {
                throw new InvalidInputException(source, entry, "the zip expands to more than "
                        + MAX_UNZIPPED_BYTES / (1024 * 1024) + " MiB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
