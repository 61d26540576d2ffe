package dev.vigil.benchmarks.events.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.vigil.events.Event;
import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;
import dev.vigil.events.parse.EventParser;

/**
 * Cost of parsing and normalizing one event (one thread): a ~500-byte Filebeat-style JSON document, an sshd syslog
 * line and a combined access-log line, each through {@link EventParser#parse}, including building the {@link Event}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class EventParserBenchmark {
    private static final String JSON = "{\"@timestamp\":\"2026-03-29T10:00:00.123Z\",\"host\":{\"name\":\"web-17\","
            + "\"ip\":[\"10.0.0.17\"]},\"agent\":{\"type\":\"filebeat\",\"version\":\"8.13.0\"},\"log\":{\"file\":"
            + "{\"path\":\"/var/log/app/checkout.log\"},\"offset\":123456},\"event\":{\"dataset\":\"app.log\"},"
            + "\"service\":{\"name\":\"checkout\"},\"user\":{\"name\":\"alice\"},\"source\":{\"ip\":\"198.51.100.23\","
            + "\"port\":51234},\"http\":{\"request\":{\"method\":\"POST\"},\"response\":{\"status_code\":502}},"
            + "\"url\":{\"path\":\"/api/v1/orders\"},\"labels\":[\"prod\",\"eu-west\"],"
            + "\"message\":\"upstream timed out (110: Connection timed out) while reading response header from upstream\"}";
    private static final String SSHD = "<38>Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Failed password for invalid "
            + "user admin from 85.245.107.41 port 54259 ssh2";
    private static final String ACCESS = "203.0.113.7 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif?a=1&b=2 "
            + "HTTP/1.1\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/5.0 (X11; Linux x86_64) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36\"";

    private final EventParser parser = new EventParser(ZoneOffset.UTC);
    private final SpooledEvent json = spooled("json", JSON);
    private final SpooledEvent sshd = spooled("syslog", SSHD);
    private final SpooledEvent access = spooled("line", ACCESS);

    @Benchmark
    public Event jsonDocument() {
        return parser.parse(json);
    }

    @Benchmark
    public Event sshdSyslogLine() {
        return parser.parse(sshd);
    }

    @Benchmark
    public Event accessLogLine() {
        return parser.parse(access);
    }

    private static SpooledEvent spooled(String format, String payload) {
        RawEvent raw = new RawEvent("bench", "tenant", format, Instant.parse("2026-03-30T12:00:00Z"), "10.0.0.5:514",
                payload.getBytes(StandardCharsets.UTF_8));
        return new SpooledEvent("bench-1", 1, raw);
    }
}
