package dev.vigil.server.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.vigil.server.alerting.OnCallScheduleView.CoverageView;
import dev.vigil.server.alerting.OnCallScheduleView.GapView;
import dev.vigil.server.alerting.OnCallScheduleView.OverrideView;
import dev.vigil.server.alerting.OnCallScheduleView.RestrictionView;
import dev.vigil.server.alerting.OnCallScheduleView.RotationView;
import dev.vigil.server.alerting.OnCallScheduleView.ShiftView;
import dev.vigil.server.alerting.OnCallScheduleView.WhoView;
import dev.vigil.server.alerting.internal.oncall.OnCallCalendar;
import dev.vigil.server.alerting.internal.oncall.Rotation;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-call schedules: layered rotations and overrides (see {@link OnCallCalendar} for who wins), who is on call at an
 * instant, and the coverage check that lists every interval with nobody on call.
 */
@Service
public class OnCallService {

    public static final Duration MAX_COVERAGE_RANGE = Duration.ofDays(92);
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    OnCallService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<OnCallScheduleView> list() {
        access.require("oncall", "read", null);
        return jdbc.sql("SELECT id FROM oncall_schedule ORDER BY name").query(UUID.class).list().stream().map(this::load).toList();
    }

    public OnCallScheduleView get(UUID id) {
        access.require("oncall", "read", null);
        return load(id);
    }

    @Transactional
    public OnCallScheduleView create(OnCallScheduleRequest request) {
        String creator = access.require("oncall", "configure", null).username();
        Definition definition = definition(request);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO oncall_schedule (id, name, timezone, created_by) VALUES (?, ?, ?, ?)")
                    .params(id, definition.name(), definition.zone().getId(), creator).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate", "a schedule named '" + definition.name() + "' already exists");
        }
        insertRotations(id, definition.rotations());
        OnCallScheduleView view = load(id);
        audit.record(AuditEntry.success("oncall.schedule.create", "oncall-schedule", id, null, describe(view)));
        return view;
    }

    /** Replaces the schedule's name, time zone and rotations; its overrides stay. */
    @Transactional
    public OnCallScheduleView update(UUID id, OnCallScheduleRequest request) {
        access.require("oncall", "configure", null);
        OnCallScheduleView before = load(id);
        Definition definition = definition(request);
        if (!definition.name().equals(before.name())) {
            requireUnused(before.name(), "renamed");
        }
        try {
            jdbc.sql("UPDATE oncall_schedule SET name = ?, timezone = ? WHERE id = ?").params(definition.name(), definition.zone().getId(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate", "a schedule named '" + definition.name() + "' already exists");
        }
        jdbc.sql("DELETE FROM oncall_rotation WHERE schedule_id = ?").param(id).update();
        insertRotations(id, definition.rotations());
        OnCallScheduleView view = load(id);
        Map<String, Object> body = new java.util.LinkedHashMap<>(describe(view));
        body.put("before", describe(before));
        audit.record(AuditEntry.success("oncall.schedule.update", "oncall-schedule", id, null, body));
        return view;
    }

    @Transactional
    public void delete(UUID id) {
        access.require("oncall", "configure", null);
        OnCallScheduleView schedule = load(id);
        requireUnused(schedule.name(), "deleted");
        jdbc.sql("DELETE FROM oncall_schedule WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("oncall.schedule.delete", "oncall-schedule", id, null, describe(schedule)));
    }

    @Transactional
    public void deleteOverride(UUID scheduleId, UUID overrideId) {
        access.require("oncall", "configure", null);
        load(scheduleId);
        OverrideView override = overrides(scheduleId).stream().filter(o -> o.id().equals(overrideId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("override", overrideId));
        jdbc.sql("DELETE FROM oncall_override WHERE id = ?").param(overrideId).update();
        audit.record(AuditEntry.success("oncall.override.delete", "oncall-schedule", scheduleId, null, Map.of("override", overrideId.toString(),
                "user", override.user(), "from", override.from().toString(), "to", override.to().toString())));
    }

    /** Escalation policies page schedules by name: one still named cannot lose that name. */
    private void requireUnused(String name, String what) {
        List<String> policies = jdbc.sql("""
                SELECT name FROM escalation_policy p WHERE EXISTS (
                    SELECT 1 FROM jsonb_array_elements(p.steps) step WHERE jsonb_exists(step -> 'schedules', ?)) ORDER BY name""")
                .param(name).query(String.class).list();
        if (!policies.isEmpty()) {
            throw ProblemException.conflict("schedule-in-use", "schedule '" + name + "' cannot be " + what
                    + ": escalation policies " + policies + " page it");
        }
    }

    /** A validated schedule definition. */
    private record Definition(String name, ZoneId zone, List<Rotation> rotations) {
    }

    private Definition definition(OnCallScheduleRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw invalid("a schedule needs a name");
        }
        ZoneId zone = zone(request.timezone());
        if (request.rotations() == null || request.rotations().isEmpty()) {
            throw invalid("a schedule needs at least one rotation");
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return new Definition(request.name().trim(), zone, request.rotations().stream().map(r -> rotation(r, today)).toList());
    }

    private void insertRotations(UUID id, List<Rotation> rotations) {
        for (int i = 0; i < rotations.size(); i++) {
            Rotation r = rotations.get(i);
            jdbc.sql("""
                    INSERT INTO oncall_rotation (schedule_id, position, name, type, handoff, handoff_day, shift_days, participants,
                        restrict_from, restrict_to, starts_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""")
                    .params(id, i, r.name(), r.type().name().toLowerCase(Locale.ROOT), r.handoff(),
                            r.handoffDay() == null ? null : r.handoffDay().name().toLowerCase(Locale.ROOT), r.shiftDays(),
                            "{" + String.join(",", r.participants()) + "}",
                            r.restriction() == null ? null : r.restriction().from(), r.restriction() == null ? null : r.restriction().to(),
                            r.startsOn()).update();
        }
    }

    private static Map<String, Object> describe(OnCallScheduleView view) {
        return Map.of("name", view.name(), "timezone", view.timezone(), "rotations", view.rotations().stream().map(RotationView::name).toList());
    }

    @Transactional
    public OverrideView addOverride(UUID scheduleId, String user, Instant from, Instant to) {
        String creator = access.require("oncall", "configure", null).username();
        load(scheduleId);
        String username = username(user);
        if (from == null || to == null || !from.isBefore(to)) {
            throw invalid("an override needs from and to, from before to");
        }
        if (Duration.between(from, to).compareTo(MAX_COVERAGE_RANGE) > 0) {
            throw invalid("an override may last at most " + MAX_COVERAGE_RANGE.toDays() + " days");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO oncall_override (id, schedule_id, username, starts_at, ends_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, scheduleId, username, Timestamp.from(from), Timestamp.from(to), creator).update();
        audit.record(AuditEntry.success("oncall.override.create", "oncall-schedule", scheduleId, null,
                Map.of("override", id.toString(), "user", username, "from", from.toString(), "to", to.toString())));
        return overrides(scheduleId).stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    public WhoView who(UUID scheduleId, Instant at) {
        access.require("oncall", "read", null);
        Instant when = at == null ? clock.instant() : at;
        return calendar(load(scheduleId)).at(when).map(onCall -> new WhoView(when, onCall.user(), onCall.source()))
                .orElse(new WhoView(when, null, null));
    }

    /** Whether a schedule of this name exists (names are not secret: escalation policies name schedules). */
    public boolean exists(String name) {
        return name != null && jdbc.sql("SELECT count(*) FROM oncall_schedule WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    /** Who is on call in the named schedule at that instant, for paging (no caller check); empty for nobody or no schedule. */
    public java.util.Optional<String> onCall(String scheduleName, Instant at) {
        return jdbc.sql("SELECT id FROM oncall_schedule WHERE name = ?").param(scheduleName).query(UUID.class).optional()
                .flatMap(id -> calendar(load(id)).at(at)).map(OnCallCalendar.OnCall::user);
    }

    /** Who is on call when, in [from, to) (default: the next 7 days; at most 92), gaps included with user null. */
    public List<ShiftView> shifts(UUID scheduleId, Instant from, Instant to) {
        access.require("oncall", "read", null);
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(Duration.ofDays(7)) : to;
        checkRange(start, end);
        return calendar(load(scheduleId)).shifts(start, end).stream()
                .map(shift -> new ShiftView(shift.from(), shift.to(), shift.user(), shift.source())).toList();
    }

    public CoverageView coverage(UUID scheduleId, Instant from, Instant to) {
        access.require("oncall", "read", null);
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(Duration.ofDays(7)) : to;
        checkRange(start, end);
        List<OnCallCalendar.Gap> gaps = calendar(load(scheduleId)).gaps(start, end);
        return new CoverageView(start, end, gaps.isEmpty(), OnCallCalendar.total(gaps).toMinutes(),
                gaps.stream().map(gap -> new GapView(gap.from(), gap.to())).toList());
    }

    private static void checkRange(Instant start, Instant end) {
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_COVERAGE_RANGE) > 0) {
            throw ProblemException.badRequest("invalid-range", "from must be before to and the range at most "
                    + MAX_COVERAGE_RANGE.toDays() + " days");
        }
    }

    private OnCallCalendar calendar(OnCallScheduleView schedule) {
        ZoneId zone = ZoneId.of(schedule.timezone());
        List<Rotation> rotations = schedule.rotations().stream().map(r -> rotation(new OnCallScheduleRequest.RotationRequest(r.name(),
                r.type(), r.handoff(), r.handoffDay(), r.shiftDays(), r.participants(), r.restriction() == null ? null
                : new OnCallScheduleRequest.RestrictionRequest(r.restriction().from(), r.restriction().to()), r.startsOn()), null))
                .toList();
        List<OnCallCalendar.Override> overrides = schedule.overrides().stream()
                .map(o -> new OnCallCalendar.Override(o.user(), o.from(), o.to())).toList();
        return new OnCallCalendar(zone, rotations, overrides);
    }

    private static Rotation rotation(OnCallScheduleRequest.RotationRequest r, LocalDate today) {
        if (r == null) {
            throw invalid("a rotation must not be null");
        }
        Rotation.Type type;
        try {
            type = Rotation.Type.valueOf(String.valueOf(r.type()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("rotation '" + r.name() + "': type must be daily, weekly or custom, not '" + r.type() + "'");
        }
        try {
            return new Rotation(r.name() == null ? null : r.name().trim(), type, time(r.handoff() == null ? "00:00" : r.handoff()),
                    r.handoffDay() == null ? null : DayOfWeek.valueOf(r.handoffDay().toUpperCase(Locale.ROOT)),
                    r.shiftDays() == null ? 0 : r.shiftDays(),
                    r.participants() == null ? null : r.participants().stream().map(OnCallService::username).toList(),
                    r.restriction() == null ? null : new Rotation.Restriction(time(r.restriction().from()), time(r.restriction().to())),
                    r.startsOn() == null ? today : r.startsOn());
        } catch (IllegalArgumentException e) {
            throw invalid("rotation '" + r.name() + "': " + e.getMessage());
        }
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(String.valueOf(text), HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day HH:mm");
        }
    }

    private static String username(String user) {
        if (user == null || !USERNAME.matcher(user).matches()) {
            throw invalid("'" + user + "' is not a valid username");
        }
        return user;
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(String.valueOf(timezone));
        } catch (DateTimeException e) {
            throw invalid("'" + timezone + "' is not a time zone (use an IANA name such as Europe/Berlin)");
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-schedule", detail);
    }

    private OnCallScheduleView load(UUID id) {
        record Head(String name, String timezone, String createdBy, Instant createdAt) {
        }
        Head head = jdbc.sql("SELECT name, timezone, created_by, created_at FROM oncall_schedule WHERE id = ?").param(id)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional().orElseThrow(() -> ProblemException.notFound("schedule", id));
        List<RotationView> rotations = jdbc.sql("""
                SELECT name, type, handoff, handoff_day, shift_days, participants, restrict_from, restrict_to, starts_on
                FROM oncall_rotation WHERE schedule_id = ? ORDER BY position""").param(id).query(OnCallService::rotationView).list();
        return new OnCallScheduleView(id, head.name(), head.timezone(), rotations, overrides(id), head.createdBy(), head.createdAt());
    }

    private List<OverrideView> overrides(UUID scheduleId) {
        return jdbc.sql("SELECT id, username, starts_at, ends_at, created_by, created_at FROM oncall_override WHERE schedule_id = ? "
                + "ORDER BY created_at, id").param(scheduleId)
                .query((rs, n) -> new OverrideView(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    private static RotationView rotationView(ResultSet rs, int n) throws SQLException {
        String type = rs.getString(2);
        LocalTime from = rs.getObject(7, LocalTime.class);
        LocalTime to = rs.getObject(8, LocalTime.class);
        return new RotationView(rs.getString(1), type, rs.getObject(3, LocalTime.class).format(HH_MM), rs.getString(4),
                type.equals("custom") ? rs.getInt(5) : null, List.of((String[]) rs.getArray(6).getArray()),
                from == null ? null : new RestrictionView(from.format(HH_MM), to.format(HH_MM)), rs.getObject(9, LocalDate.class));
    }
}
