package dev.vigil.eventstore.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class RecentCommitsDeletionPolicyTest {

    @Test
    void keepsTheNewestCommitAndThoseWithinTheKeepTimeBeforeIt() throws Exception {
        long now = 1_800_000_000_000L;
        Commit unstamped = new Commit(null);
        Commit old = new Commit(now - Duration.ofMinutes(11).toMillis());
        Commit recent = new Commit(now - Duration.ofMinutes(9).toMillis());
        Commit newest = new Commit(now);
        new RecentCommitsDeletionPolicy(Duration.ofMinutes(10)).onCommit(List.of(unstamped, old, recent, newest));
        assertThat(List.of(unstamped.isDeleted(), old.isDeleted(), recent.isDeleted(), newest.isDeleted()))
                .containsExactly(true, true, false, false);
    }

    @Test
    void anUnstampedNewestCommitKeepsOnlyItself() throws Exception {
        Commit older = new Commit(1L);
        Commit newest = new Commit(null);
        new RecentCommitsDeletionPolicy(Duration.ofMinutes(10)).onInit(List.of(older, newest));
        assertThat(older.isDeleted()).isTrue();
        assertThat(newest.isDeleted()).isFalse();
    }

    private static final class Commit extends IndexCommit {
        private final Map<String, String> userData;
        private boolean deleted;

        Commit(Long committedAt) {
            this.userData = committedAt == null ? Map.of() : Map.of(DayIndex.COMMITTED_AT, committedAt.toString());
        }

        @Override
        public String getSegmentsFileName() {
            return "segments_1";
        }

        @Override
        public Collection<String> getFileNames() {
            return List.of();
        }

        @Override
        public Directory getDirectory() {
            return null;
        }

        @Override
        public void delete() {
            deleted = true;
        }

        @Override
        public boolean isDeleted() {
            return deleted;
        }

        @Override
        public int getSegmentCount() {
            return 0;
        }

        @Override
        public long getGeneration() {
            return 1;
        }

        @Override
        public Map<String, String> getUserData() {
            return userData;
        }
    }
}
