package dev.vigil.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.eventstore.index.DayIndexes;
import dev.vigil.eventstore.index.DayNames;
import dev.vigil.eventstore.index.LuceneClassInit;
import dev.vigil.eventstore.mapping.FieldTypeRegistry;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Copies a store that another process may be writing (for backups): for each day, the files of its latest commit —
 * Lucene never changes a committed file, and the writer keeps replaced commits for
 * {@link DayIndexes#COMMITS_KEPT_FOR}, so a commit's files stay while they are copied — then the field types, which
 * only grow and so cover every copied commit. What was not committed when a day was copied is not in the copy.
 */
public final class EventStoreCopy {
    static {
        LuceneClassInit.ensure();
    }

    private static final int ATTEMPTS = 5;

    private EventStoreCopy() {
    }

    /** Copies {@code store} into {@code target} (created if needed) and returns the files written. */
    public static List<Path> copy(Path store, Path target) throws IOException {
        List<Path> written = new ArrayList<>();
        List<Path> days;
        try (Stream<Path> entries = Files.list(store)) {
            days = entries.filter(Files::isDirectory)
                    .filter(p -> DayNames.parse(p.getFileName().toString()).isPresent())
                    .sorted().toList();
        }
        for (Path day : days) {
            written.addAll(copyDay(day, target.resolve(day.getFileName().toString())));
        }
        Path types = store.resolve(FieldTypeRegistry.FILE_NAME);
        if (Files.exists(types)) {
            Files.createDirectories(target);
            written.add(Files.copy(types, target.resolve(FieldTypeRegistry.FILE_NAME)));
        }
        return written;
    }

    private static List<Path> copyDay(Path day, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (Directory directory = FSDirectory.open(day)) {
                List<IndexCommit> commits;
                try {
                    commits = DirectoryReader.listCommits(directory);
                } catch (IndexNotFoundException | NoSuchFileException e) {
                    return List.of(); // a day created but never committed, or removed by retention meanwhile
                }
                IndexCommit latest = commits.getLast();
                Files.createDirectories(target);
                List<Path> written = new ArrayList<>();
                try {
                    for (String file : latest.getFileNames()) {
                        written.add(Files.copy(day.resolve(file), target.resolve(file)));
                    }
                    return written;
                } catch (NoSuchFileException e) {
                    // the commit was replaced and deleted while copying (a copy slower than the keep time): start over
                    for (Path partial : written) {
                        Files.delete(partial);
                    }
                    if (attempt == ATTEMPTS) {
                        throw new IOException("could not copy event store day " + day.getFileName() + ": its commits changed "
                                + "faster than they could be copied (" + ATTEMPTS + " attempts)", e);
                    }
                }
            }
        }
    }
}
