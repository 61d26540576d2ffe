package dev.vigil.server.detection.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.vigil.server.detection.RuleFile;
import dev.vigil.server.platform.web.ProblemException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the Sigma files out of an upload: a single YAML file, a zip (a SigmaHQ release) or a tar.gz. Only {@code .yml}
 * and {@code .yaml} entries are taken; others (README, licence files) are ignored. Sizes are capped so that an archive
 * bomb is refused, not unpacked.
 */
public final class RuleArchiveReader {

    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    public static final int MAX_FILES = 50_000;
    public static final int MAX_FILE_BYTES = 3 * 1024 * 1024;

    private RuleArchiveReader() {
    }

    public static List<RuleFile> read(String fileName, byte[] upload) {
        String name = fileName == null ? "upload" : fileName;
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".zip") || startsWith(upload, 0x50, 0x4b)) {
                return fromZip(upload);
            }
            if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || startsWith(upload, 0x1f, 0x8b)) {
                return fromTar(new GZIPInputStream(new ByteArrayInputStream(upload)));
            }
            if (lower.endsWith(".tar")) {
                return fromTar(new ByteArrayInputStream(upload));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-archive", name + ": cannot read the archive: " + e.getMessage());
        }
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return List.of(new RuleFile(name, text(name, upload)));
        }
        throw ProblemException.badRequest("invalid-archive",
                name + ": expected a Sigma YAML file (.yml, .yaml) or an archive of them (.zip, .tar.gz, .tar)");
    }

    private static List<RuleFile> fromZip(byte[] upload) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory() || !isYaml(entry.getName())) {
                    continue;
                }
                byte[] bytes = readCapped(zip, entry.getName());
                total = addChecked(files, entry.getName(), bytes, total);
            }
        }
        return files;
    }

    private static List<RuleFile> fromTar(InputStream in) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        long total = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile() || !isYaml(entry.getName())) {
                    continue;
                }
                byte[] bytes = readCapped(tar, entry.getName());
                total = addChecked(files, entry.getName(), bytes, total);
            }
        }
        return files;
    }

    private static long addChecked(List<RuleFile> files, String name, byte[] bytes, long total) {
        long sum = total + bytes.length;
        if (sum > MAX_TOTAL_BYTES || files.size() >= MAX_FILES) {
            throw ProblemException.badRequest("archive-too-large", "the archive holds more than " + MAX_FILES
                    + " rule files or " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB of them; import it in parts");
        }
        files.add(new RuleFile(name, text(name, bytes)));
        return sum;
    }

    private static byte[] readCapped(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw ProblemException.badRequest("archive-too-large", name + ": a rule file may hold at most "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
        return bytes;
    }

    private static String text(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("invalid-archive", name + ": not UTF-8 text");
        }
    }

    private static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(".yaml");
    }

    private static boolean startsWith(byte[] bytes, int first, int second) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == first && (bytes[1] & 0xff) == second;
    }
}
