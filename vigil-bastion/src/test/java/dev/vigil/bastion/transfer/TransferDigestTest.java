package dev.vigil.bastion.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TransferDigestTest {

    private static final byte[] DATA = new byte[100_000];

    static {
        new Random(9).nextBytes(DATA);
    }

    private static String expected() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DATA));
    }

    @Test
    void chunksOutOfOrderAndOverlappingGiveTheFilesDigest() throws Exception {
        TransferDigest digest = new TransferDigest();
        digest.accept(60_000, DATA, 60_000, 40_000);
        digest.accept(0, DATA, 0, 30_000);
        digest.accept(20_000, DATA, 20_000, 45_000);

        assertThat(digest.finish()).contains(expected());
        assertThat(digest.bytes()).isEqualTo(115_000);
    }

    @Test
    void aGapOrAStartAfterZeroGivesNoDigest() {
        TransferDigest gap = new TransferDigest();
        gap.accept(0, DATA, 0, 10);
        gap.accept(20, DATA, 20, 10);
        assertThat(gap.finish()).isEmpty();

        TransferDigest resumed = new TransferDigest();
        resumed.accept(50, DATA, 50, 100);
        assertThat(resumed.finish()).isEmpty();
    }
}
