package dev.vigil.events.parse;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.vigil.events.Event;
import dev.vigil.events.EventFormat;
import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;
import dev.vigil.events.parse.access.AccessLogParser;
import dev.vigil.events.parse.auditd.AuditdParser;
import dev.vigil.events.parse.auth.AuthPrograms;
import dev.vigil.events.parse.cef.CefParser;
import dev.vigil.events.parse.cloud.AwsCloudTrailShape;
import dev.vigil.events.parse.cloud.AzureLogShape;
import dev.vigil.events.parse.cloud.AzurePimAlertShape;
import dev.vigil.events.parse.cloud.GcpAuditShape;
import dev.vigil.events.parse.cloud.M365AuditShape;
import dev.vigil.events.parse.cloud.OktaSystemLogShape;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.json.GenericJsonShape;
import dev.vigil.events.parse.json.JsonEventParser;
import dev.vigil.events.parse.suricata.SuricataEveShape;
import dev.vigil.events.parse.syslog.ProgramMessages;
import dev.vigil.events.parse.syslog.SyslogParser;
import dev.vigil.events.parse.windows.WindowsEventShape;

/**
 * Turns spooled raw events into parsed, normalized events: dispatches on the input's format (syslog, json, line),
 * reads the payload into original fields and common-schema (ECS) fields, and takes the event's own time.
 *
 * <p>{@link #parse} never throws. A payload that does not meet its declared format becomes an event tagged
 * {@link Event#TAG_PARSE_ERROR} with {@code error.message} and the text as {@code message}, so it is stored, never
 * dropped. Payloads over 1 MiB keep their first 1 MiB (tag {@link #TAG_TRUNCATED}), which is also what is parsed;
 * events losing fields to the bounds (1,000 fields, JSON depth 64) are tagged {@link #TAG_FIELDS_TRUNCATED}.
 *
 * <p>Instances hold no mutable state and may be shared by any number of threads.
 */
public final class EventParser {
    /** The payload was longer than 1 MiB; the original and the parsed fields cover its first 1 MiB. */
    public static final String TAG_TRUNCATED = "truncated";
    /** Fields beyond the bounds were dropped. */
    public static final String TAG_FIELDS_TRUNCATED = "fields-truncated";

    private static final Map<String, EventFormat> FORMATS = Arrays.stream(EventFormat.values())
            .collect(Collectors.toUnmodifiableMap(EventFormat::wireName, format -> format));

    private final ZoneId zone;
    private final SyslogParser syslog;
    private final LineParser line;
    private final JsonEventParser json;

    /** @param zone the zone assumed for timestamps that carry none (RFC 3164, access logs without offset...) */
    public EventParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        CefParser cef = new CefParser();
        AuditdParser auditd = new AuditdParser();
        ProgramMessages programs = new ProgramMessages(new AuthPrograms(), auditd, cef);
        this.syslog = new SyslogParser(programs, false);
        this.line = new LineParser(List.of(new SyslogParser(programs, true), auditd, new AccessLogParser(), cef));
        this.json = new JsonEventParser(List.of(new SuricataEveShape(), new WindowsEventShape(),
                new AwsCloudTrailShape(), new AzureLogShape(), new AzurePimAlertShape(), new GcpAuditShape(),
                new OktaSystemLogShape(), new M365AuditShape(), new GenericJsonShape(line, programs)));
    }

    /** The parsed event; never throws, whatever the payload. */
    public Event parse(SpooledEvent spooled) {
        try {
            return parseOrThrow(spooled);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(spooled, textOf(spooled.raw()), "internal parser error: " + e.getClass().getSimpleName());
        }
    }

    private Event parseOrThrow(SpooledEvent spooled) {
        RawEvent raw = spooled.raw();
        PayloadText payload = PayloadText.decode(raw.payload());
        EventDraft draft = new EventDraft(raw.receivedAt(), zone);
        String text = payload.text();
        switch (FORMATS.getOrDefault(raw.format(), EventFormat.LINE)) {
            case SYSLOG -> {
                if (!syslog.parse(text, draft)) {
                    draft.fail("not a syslog message: no priority and no timestamp");
                }
            }
            case JSON -> json.parse(text, payload.cut(), draft);
            case LINE -> line.parseLine(text, draft);
        }
        if (draft.failed()) {
            return failed(spooled, payload, draft.failure());
        }
        List<String> tags = new ArrayList<>(2);
        if (payload.cut()) {
            tags.add(TAG_TRUNCATED);
        }
        if (draft.fields().truncated()) {
            tags.add(TAG_FIELDS_TRUNCATED);
        }
        return new Event(spooled.id(), draft.timestamp() != null ? draft.timestamp() : raw.receivedAt(),
                raw.receivedAt(), raw.tenant(), raw.inputId(), draft.fields().asMap(), text, tags);
    }

    private static Event failed(SpooledEvent spooled, PayloadText payload, String reason) {
        RawEvent raw = spooled.raw();
        List<String> tags = payload.cut()
                ? List.of(Event.TAG_PARSE_ERROR, TAG_TRUNCATED)
                : List.of(Event.TAG_PARSE_ERROR);
        Map<String, Object> fields = payload.text().isEmpty()
                ? Map.of("error.message", reason)
                : Map.of("error.message", reason, "message", payload.text());
        return new Event(spooled.id(), raw.receivedAt(), raw.receivedAt(), raw.tenant(), raw.inputId(), fields,
                payload.text(), tags);
    }

    private static PayloadText textOf(RawEvent raw) {
        try {
            return PayloadText.decode(raw.payload());
        } catch (RuntimeException e) {
            return new PayloadText("", false);
        }
    }
}
