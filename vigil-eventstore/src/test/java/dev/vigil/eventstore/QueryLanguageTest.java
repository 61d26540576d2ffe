package dev.vigil.eventstore;

import static dev.vigil.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.events.store.TenantScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryLanguageTest {
    @TempDir
    static Path directory;

    private static LuceneEventStore store;

    @BeforeAll
    static void storeEvents() {
        store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults());
        store.store(List.of(
                event("ssh-1", "2024-05-01T10:00:00Z", "acme",
                        "message", "Failed password for root from 10.1.2.3 port 52144 ssh2",
                        "event.category", "authentication", "event.outcome", "failure",
                        "user.name", "root", "source.ip", "10.1.2.3", "source.port", 52144L, "host.name", "web-01"),
                event("ssh-2", "2024-05-01T10:05:00Z", "acme",
                        "message", "Accepted publickey for alice from 192.168.7.20 port 40022 ssh2",
                        "event.category", "authentication", "event.outcome", "success",
                        "user.name", "alice", "source.ip", "192.168.7.20", "source.port", 40022L, "host.name", "web-02"),
                event("web-1", "2024-05-01T11:00:00Z", "acme",
                        "message", "GET /admin/login.php HTTP/1.1 500",
                        "http.response.status_code", 500L, "http.response.bytes", 1234L, "url.original", "/admin/login.php",
                        "source.ip", "2001:db8::17", "user_agent.original", "curl/8.0", "event.risk_score", 1.5),
                event("web-2", "2024-05-01T11:01:00Z", "acme",
                        "message", "GET /index.html HTTP/1.1 200",
                        "http.response.status_code", 200L, "http.response.bytes", 99L, "url.original", "/index.html",
                        "source.ip", "10.200.0.9"),
                event("proc-1", "2024-05-01T12:00:00Z", "acme",
                        "message", "Process created",
                        "process.command_line", "C:\\Tools\\Mimikatz.exe privilege::debug sekurlsa::logonpasswords",
                        "EventID", 1L, "process.pid", 4242L, "winlog.elevated", true, "related.user", List.of("bob", "svc_backup"),
                        "network.ratio", 0.25)));
        store.refresh();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static List<String> ids(String query) {
        EventStore.SearchResult result = store.search(new EventStore.SearchRequest(
                new EventQuery(query, null, null, TenantScope.ALL), 0, 100, EventStore.Sort.OLDEST_FIRST));
        return result.events().stream().map(Event::id).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                            | ssh-1 ssh-2 web-1 web-2 proc-1",
            "*                                             | ssh-1 ssh-2 web-1 web-2 proc-1",
            "user.name:root                                | ssh-1",
            "user.name:Root                                | ''",
            "source.ip:10.1.2.3                            | ssh-1",
            "password                                      | ssh-1",
            "FAILED                                        | ssh-1",
            "message:\"failed password for root\"          | ssh-1",
            "message:\"password failed\"                   | ''",
            "\"publickey for alice\"                       | ssh-2",
            "url.original:\\/admin*                        | web-1",
            "process.command_line:*Mimikatz*               | proc-1",
            "process.command_line:*mimikatz*               | ''",
            "url.original:\\/inde?.html                    | web-2",
            "url.original:/.*login.*/                      | web-1",
            "http.response.status_code:[500 TO 599]        | web-1",
            "http.response.status_code:{200 TO 500}        | ''",
            "http.response.status_code:500                 | web-1",
            "http.response.status_code:>=200               | web-1 web-2",
            "http.response.status_code:>200                | web-1",
            "http.response.status_code:<500                | web-2",
            "http.response.status_code:<=500               | web-1 web-2",
            "source.port:>1024                             | ssh-1 ssh-2",
            "source.port:[* TO 50000]                      | ssh-2",
            "event.risk_score:>1                           | web-1",
            "event.risk_score:[1.5 TO 1.5]                 | web-1",
            "network.ratio:0.25                            | proc-1",
            "EventID:1                                     | proc-1",
            "winlog.elevated:true                          | proc-1",
            "related.user:svc_backup                       | proc-1",
            "related.user:bob AND EventID:1                | proc-1",
            "event.category:authentication AND user.name:alice | ssh-2",
            "event.category:authentication user.name:alice | ssh-2",
            "user.name:alice OR user.name:root             | ssh-1 ssh-2",
            "event.category:authentication AND NOT event.outcome:success | ssh-1",
            "event.category:authentication -user.name:root | ssh-2",
            "NOT event.category:authentication             | web-1 web-2 proc-1",
            "-http.response.status_code:*                  | ssh-1 ssh-2 proc-1",
            "http.response.status_code:*                   | web-1 web-2",
            "user.name:*                                   | ssh-1 ssh-2",
            "(user.name:root OR http.response.status_code:200) AND source.ip:10.*   | ssh-1 web-2",
            "source.ip:\"10.0.0.0/8\"                      | ssh-1 web-2",
            "source.ip:\"192.168.0.0/16\"                  | ssh-2",
            "source.ip:\"2001:db8::/32\"                   | web-1",
            "source.ip:\"2001:0db8:0:0:0:0:0:17\"          | web-1",
            "source.ip:[10.0.0.0 TO 10.255.255.255]        | ssh-1 web-2",
            "_id:web-2                                     | web-2",
            "_tenant:acme AND _id:ssh-1                    | ssh-1",
            "@timestamp:[2024-05-01T10:30:00Z TO *]        | web-1 web-2 proc-1",
            "@timestamp:{* TO 2024-05-01T10:05:00Z}        | ssh-1",
            "@timestamp:<2024-05-01T10\\:05\\:00Z          | ssh-1",
            "@timestamp:2024-05-01                         | ssh-1 ssh-2 web-1 web-2 proc-1",
            "@timestamp:>=1714557600000                    | ssh-1 ssh-2 web-1 web-2 proc-1",
            "host.name:web\\-01                            | ssh-1",
            "nosuch.field:x                                | ''",
            "nosuch.field:*                                | ''",
            "event.original:mimikatz.exe                   | ''",
            "tools                                         | ''",
    })
    void queries(String query, String expected) {
        List<String> wanted = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(ids(query)).containsExactlyElementsOf(wanted);
    }

    @Test
    void countAgreesWithSearch() {
        assertThat(store.count(new EventQuery("event.category:authentication", null, null, TenantScope.ALL))).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "user.name:(root                     | position",
            "user.name:                          | ends too early",
            "AND user.name:root                  | unexpected 'AND' at position 1",
            "user.name:root )                    | unexpected ')' at position 16",
            "message:\"unclosed phrase            | quoted phrase",
            "http.response.status_code:[abc TO 5] | 'abc' is not a number",
            "http.response.status_code:5*        | holds numbers",
            "@timestamp:[yesterday TO *]         | not a time",
            "source.ip:\"10.0.0.0/40\"             | prefix length",
            "source.ip:\"banana/8\"                | not a network",
            "url.original:/[a/                   | invalid regular expression",
            "url.original:/admin                 | regular expression",
            "source.port:>                       | needs a value",
    })
    void syntaxErrorsSayWhereAndWhy(String query, String fragment) {
        assertThatThrownBy(() -> store.count(new EventQuery(query, null, null, TenantScope.ALL)))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageStartingWith("Invalid query")
                .hasMessageContaining(fragment);
    }
}
