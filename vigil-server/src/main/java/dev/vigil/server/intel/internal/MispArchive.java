package dev.vigil.server.intel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import dev.vigil.intel.feed.FeedFormatException;

/**
 * Unpacks a zip of a MISP feed directory ({@code manifest.json}, {@code <uuid>.json}, {@code hashes.csv}) into a fresh
 * temporary directory. Only the file name of each entry is kept (a single enclosing folder is usual), names must be
 * plain, and the unpacked total is bounded, so an archive cannot write outside the directory or fill the disk.
 */
final class MispArchive {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private MispArchive() {
    }

    static Path unpack(Path zip, long maxBytes) throws FeedFormatException, IOException {
        Path directory = Files.createTempDirectory("vigil-misp-");
        boolean done = false;
        long total = 0;
        int files = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (!NAME.matcher(name).matches() || name.startsWith(".")) {
                    throw new FeedFormatException(zip, 0, "the archive holds an unexpected file '" + entry.getName() + "'");
                }
                Path target = directory.resolve(name);
                if (Files.exists(target)) {
                    throw new FeedFormatException(zip, 0, "the archive holds '" + name + "' twice");
                }
                total += copy(in, target, maxBytes - total, zip);
                files++;
            }
            if (files == 0) {
                throw new FeedFormatException(zip, 0, "not a zip archive of a MISP feed (no files in it)");
            }
            if (!Files.exists(directory.resolve("manifest.json"))) {
                throw new FeedFormatException(zip, 0, "the archive has no manifest.json");
            }
            done = true;
            return directory;
        } catch (ZipException e) {
            throw new FeedFormatException(zip, 0, "not a zip archive: " + e.getMessage());
        } finally {
            if (!done) {
                delete(directory);
            }
        }
    }

    private static long copy(InputStream in, Path target, long allowed, Path zip) throws IOException, FeedFormatException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > allowed) {
                    throw new FeedFormatException(zip, 0, "the unpacked archive is larger than the import limit");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }
}
