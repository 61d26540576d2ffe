package dev.vigil.bastion.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommandReconstructorTest {

    private final List<CommandLine> lines = new ArrayList<>();
    private final CommandReconstructor reconstructor = new CommandReconstructor(lines::add);

    private List<String> commands() {
        return lines.stream().filter(l -> !l.secret()).map(CommandLine::text).toList();
    }

    @Test
    void typeAheadBeforeTheShellStartsIsTakenFromTheShellsOwnEcho() {
        reconstructor.input("echo MARK\n");
        reconstructor.output("echo MARK\r\n");
        reconstructor.output("Last login: Sun Nov 29 11:49:49 2026 from 127.0.0.1\r\r\n");
        reconstructor.output("\u001b[?2004hroot@vm:~# ");
        reconstructor.output("echo MARK\r\n\u001b[?2004l\rMARK\r\n");
        reconstructor.output("\u001b[?2004hroot@vm:~# ");
        reconstructor.input("exit\r");
        reconstructor.output("exit\r\n");

        assertThat(commands()).containsExactly("echo MARK", "exit");
    }

    @Test
    void typeAheadWhileTheBannerPrintsWaitsForTheEcho() {
        reconstructor.input("echo MARK\n");
        reconstructor.output("Last login: Sun Nov 29 11:52:20 2026 from 127.0.0.1\r\r\n");
        reconstructor.output("echo MARK\r\n");
        reconstructor.output("\u001b[?2004hroot@vm:~# echo MARK\r\n\u001b[?2004l\rMARK\r\n");

        assertThat(commands()).containsExactly("echo MARK");
    }

    @Test
    void severalLinesTypedAheadAreEachTakenFromTheirEcho() {
        reconstructor.output("root@vm:~# ");
        reconstructor.input("stty size\rexit 5\r");
        reconstructor.output("stty size\r\n\u001b[?2004l\r40 120\r\n");
        reconstructor.output("\u001b[?2004hroot@vm:~# exit 5\r\n\u001b[?2004l\rlogout\r\n");

        assertThat(commands()).containsExactly("stty size", "exit 5");
    }

    @Test
    void aSimpleTypedCommand() {
        reconstructor.output("\u001b[?2004huser@host:~$ ");
        reconstructor.input("l");
        reconstructor.output("l");
        reconstructor.input("s -l\r");
        reconstructor.output("s -l\r\n\u001b[?2004l\rtotal 0\r\n");

        assertThat(commands()).containsExactly("ls -l");
    }

    @Test
    void backspaceAndCursorEditingAsReadlineDrawsThem() {
        reconstructor.output("$ ");
        reconstructor.input("rmx\u007f");
        reconstructor.output("rmx\b\u001b[K");
        reconstructor.input("\u001b[D\u001b[D");
        reconstructor.output("\b\b");
        reconstructor.input("sudo ");
        reconstructor.output("\u001b[1@s\u001b[1@u\u001b[1@d\u001b[1@o\u001b[1@ ");
        reconstructor.input("\r");
        reconstructor.output("\r\n");

        assertThat(commands()).containsExactly("sudo rm");
    }

    @Test
    void tabCompletionCountsAsTheTerminalShowsIt() {
        reconstructor.output("$ ");
        reconstructor.input("cat /etc/hostn\t");
        reconstructor.output("cat /etc/hostn");
        reconstructor.output("ame ");
        reconstructor.input("\r");
        reconstructor.output("\r\nvm\r\n$ ");

        assertThat(commands()).containsExactly("cat /etc/hostname");
    }

    @Test
    void historyRecallReplacesTheLine() {
        reconstructor.output("$ ");
        reconstructor.input("whoami\r");
        reconstructor.output("whoami\r\nroot\r\n$ ");
        reconstructor.input("\u001b[A");
        reconstructor.output("whoami");
        reconstructor.input("\u001b[A");
        reconstructor.output("\r$ id\u001b[K");
        reconstructor.input("\r");
        reconstructor.output("\r\nuid=0(root)\r\n$ ");

        assertThat(commands()).containsExactly("whoami", "id");
    }

    @Test
    void listedCompletionsRedrawThePromptAndLine() {
        reconstructor.output("$ ");
        reconstructor.input("ls /us\t\t");
        reconstructor.output("ls /us");
        reconstructor.output("\r\nuser/  usr/\r\n$ ls /us");
        reconstructor.input("r\r");
        reconstructor.output("r\r\n");

        assertThat(commands()).containsExactly("ls /usr");
    }

    @Test
    void controlCAbandonsTheLine() {
        reconstructor.output("$ ");
        reconstructor.input("rm -rf /\u0003");
        reconstructor.output("rm -rf /^C\r\n$ ");
        reconstructor.input("ls\r");
        reconstructor.output("ls\r\n");

        assertThat(commands()).containsExactly("ls");
    }

    @Test
    void aLineTypedWithoutEchoIsSecretAndHasNoText() {
        reconstructor.output("[sudo] password for ops: ");
        reconstructor.input("hunter22\r");
        reconstructor.output("\r\n");

        assertThat(lines).containsExactly(new CommandLine("", true));
    }

    @Test
    void fullScreenProgramsAreNotReadAsCommands() {
        reconstructor.output("$ ");
        reconstructor.input("vim\r");
        reconstructor.output("vim\r\n\u001b[?1049h\u001b[H\u001b[2J~\r\n~\r\n");
        reconstructor.input(":q!\r");
        reconstructor.output("\r\n\u001b[?1049l$ ");
        reconstructor.input("id\r");
        reconstructor.output("id\r\n");

        assertThat(commands()).containsExactly("vim", "id");
    }
}
