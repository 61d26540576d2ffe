package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.events.Event;
import dev.vigil.testkit.Corpus;

/** Real Linux logs of ../shared/corpus/linux-logs parsed as LINE: every line readable, the README's counts met. */
class LinuxLogsCorpusTest {

    /** After all three files (the Elastic auth.log runs to April), so no line lands in the future. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-05-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "loghub-OpenSSH-2k/OpenSSH_2k.log, 2000, LabSZ",
        "loghub-Linux-2k/Linux_2k.log, 2000, combo",
        "elastic-auth-log/auth.log, 7121, ip-10-77-20-248"})
    void everyLineIsASyslogLineWithHostAndProgram(String file, int lines, String host) throws IOException {
        List<Event> events = parse(file);

        assertThat(events).hasSize(lines);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.tags()).as(event.original()).doesNotContain(Event.TAG_PARSE_ERROR);
            assertThat(event.field("host.name")).as(event.original()).isEqualTo(host);
            assertThat(event.field("process.name")).as(event.original()).isInstanceOf(String.class);
            assertThat(event.timestamp()).as(event.original()).isNotEqualTo(RECEIVED_AT).isBefore(RECEIVED_AT);
        });
    }

    @ParameterizedTest
    @CsvSource({"loghub-OpenSSH-2k/OpenSSH_2k.log, 520", "elastic-auth-log/auth.log, 713"})
    void failedPasswordCountsMatchTheReadme(String file, int failedPasswords) throws IOException {
        long count = parse(file).stream()
                .filter(event -> "ssh_login".equals(event.field("event.action")))
                .filter(event -> "failure".equals(event.field("event.outcome")))
                .filter(event -> "password".equals(event.field("ssh.method")))
                .count();

        assertThat(count).isEqualTo(failedPasswords);
    }

    @Test
    void openSshSourceAddressesAgreeWithTheStructuredGroundTruth() throws IOException {
        Path folder = Corpus.require("linux-logs").resolve("loghub-OpenSSH-2k");
        List<String> rows = Files.readAllLines(folder.resolve("OpenSSH_2k.log_structured.csv"), StandardCharsets.UTF_8);
        List<Event> events = parse("loghub-OpenSSH-2k/OpenSSH_2k.log");
        Map<String, Integer> checkedByTemplate = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            String row = rows.get(i);
            String template = row.substring(row.lastIndexOf(",E") + 1, row.indexOf(',', row.lastIndexOf(",E") + 1));
            String expectedIp = ipAfter(row, " from ", " port ");
            Event event = events.get(i - 1);
            if (List.of("E9", "E10", "E1", "E13", "E2").contains(template) && expectedIp != null) {
                assertThat(event.field("source.ip")).as(event.original()).isEqualTo(expectedIp);
                checkedByTemplate.merge(template, 1, Integer::sum);
            }
        }
        assertThat(checkedByTemplate).containsKeys("E9", "E10", "E13");
        assertThat(events.stream().filter(e -> "183.62.140.253".equals(e.field("source.ip"))).count())
                .isGreaterThanOrEqualTo(500);
    }

    @Test
    void authLogSudoAndAccountEventsAreNormalized() throws IOException {
        List<Event> events = parse("elastic-auth-log/auth.log");

        List<Event> sudoCommands = events.stream().filter(e -> "sudo_command".equals(e.field("event.action"))).toList();

        assertThat(sudoCommands).hasSize(557 - 186 - 185).allSatisfy(e -> {
            assertThat(e.field("process.command_line")).isNotNull();
            assertThat(e.field("user.effective.name")).isEqualTo("root");
        });
        assertThat(events.stream().filter(e -> "user_created".equals(e.field("event.action"))
                && "success".equals(e.field("event.outcome"))).count()).isEqualTo(10);
        assertThat(events).allSatisfy(e -> assertThat(e.field("event.dataset")).isIn("system.auth", "system.syslog"));
    }

    private static String ipAfter(String row, String before, String after) {
        int start = row.indexOf(before);
        if (start < 0) {
            return null;
        }
        start += before.length();
        int end = row.indexOf(after, start);
        int comma = row.indexOf(',', start);
        end = end < 0 ? comma : Math.min(end, comma);
        String candidate = row.substring(start, end).strip();
        return candidate.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? candidate : null;
    }

    private static List<Event> parse(String file) throws IOException {
        Path path = Corpus.require("linux-logs").resolve(file);
        List<Event> events = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            events.add(ParsedEvents.parse("line", line.getBytes(StandardCharsets.UTF_8), RECEIVED_AT));
        }
        return events;
    }
}
