package dev.vigil.bastion.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void keepsTheTextAndDropsEverythingThatWouldActOnAScreen() {
        String output = "\u001b[?2004hroot@vm:~# ls\r\n\u001b[?2004l\r\u001b[0m\u001b[01;34mdir\u001b[0m  file\r\n"
                + "\u001b]0;title\u0007\u001b]52;c;ZXZpbA==\u001b\\\u001b[2Jdone été\u0007\r\n";

        assertThat(Transcript.plain(output)).isEqualTo("root@vm:~# ls\ndir  file\ndone été\n");
    }
}
