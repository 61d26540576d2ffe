package dev.vigil.eventstore.index;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;

/**
 * Keeps the newest commit and every commit made within {@code keep} before it, so that another process (a backup)
 * that has started copying a recent commit's files finds them all; older commits are deleted as usual. Commits are
 * dated by {@link DayIndex#COMMITTED_AT} in their user data; a commit without it counts as old.
 */
final class RecentCommitsDeletionPolicy extends IndexDeletionPolicy {

    private final long keepMillis;

    RecentCommitsDeletionPolicy(Duration keep) {
        this.keepMillis = keep.toMillis();
    }

    @Override
    public void onInit(List<? extends IndexCommit> commits) throws IOException {
        onCommit(commits);
    }

    @Override
    public void onCommit(List<? extends IndexCommit> commits) throws IOException {
        if (commits.isEmpty()) {
            return;
        }
        long newest = committedAt(commits.getLast());
        for (IndexCommit commit : commits.subList(0, commits.size() - 1)) {
            long at = committedAt(commit);
            if (at < 0 || newest < 0 || newest - at > keepMillis) {
                commit.delete();
            }
        }
    }

    private static long committedAt(IndexCommit commit) throws IOException {
        String value = commit.getUserData().get(DayIndex.COMMITTED_AT);
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
