package dev.vigil.server.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.alerting.OnCallScheduleRequest;
import dev.vigil.server.alerting.OnCallScheduleView;
import dev.vigil.server.alerting.OnCallScheduleView.ShiftView;
import dev.vigil.server.alerting.OnCallService;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * On-call: the schedules with who is on call now, and one schedule's calendar — a week per page, each day in the
 * schedule's time zone cut into shifts (nobody on call shown as a gap) — with its overrides, and the schedule's
 * definition to edit.
 */
@Controller
class OnCallPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEW_SCHEDULE = """
            {"name": "primary", "timezone": "UTC",
             "rotations": [{"name": "week", "type": "weekly", "handoff": "09:00", "handoffDay": "monday",
                            "participants": ["alice", "bob"]}]}""";

    private final OnCallService onCall;

    OnCallPageController(OnCallService onCall) {
        this.onCall = onCall;
    }

    /** A day of the calendar: its shifts clipped to the day, each with its share of the day in percent. */
    record Day(LocalDate date, List<Piece> pieces) {
    }

    record Piece(String from, String to, String user, String source, double percent) {
    }

    @GetMapping("/oncall")
    String schedules(Model model) {
        List<OnCallScheduleView> schedules = onCall.list();
        model.addAttribute("schedules", schedules);
        model.addAttribute("now", schedules.stream().map(s -> onCall.who(s.id(), null)).toList());
        model.addAttribute("definition", NEW_SCHEDULE);
        return "oncall";
    }

    @GetMapping("/oncall/{id}")
    String schedule(@PathVariable UUID id, @RequestParam(required = false) String week, Model model) {
        OnCallScheduleView schedule = onCall.get(id);
        ZoneId zone = ZoneId.of(schedule.timezone());
        LocalDate first = week == null || week.isBlank() ? LocalDate.now(zone) : parseDate(week);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = first.plusDays(7).atStartOfDay(zone).toInstant();
        List<ShiftView> shifts = onCall.shifts(id, from, to);
        List<Day> days = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(first.plusDays(7)); day = day.plusDays(1)) {
            days.add(day(day, zone, shifts));
        }
        model.addAttribute("schedule", schedule);
        model.addAttribute("days", days);
        model.addAttribute("week", first);
        model.addAttribute("previousWeek", first.minusDays(7));
        model.addAttribute("nextWeek", first.plusDays(7));
        model.addAttribute("who", onCall.who(id, null));
        model.addAttribute("coverage", onCall.coverage(id, from, to));
        model.addAttribute("definition", definition(schedule));
        return "oncall-schedule";
    }

    @PostMapping("/oncall")
    String create(@RequestParam String definition, RedirectAttributes redirect) {
        return Flash.run(redirect, "/oncall", () -> "Schedule " + onCall.create(request(definition)).name() + " created.");
    }

    @PostMapping("/oncall/{id}")
    String update(@PathVariable UUID id, @RequestParam String definition, RedirectAttributes redirect) {
        return Flash.run(redirect, "/oncall/" + id, () -> "Schedule " + onCall.update(id, request(definition)).name() + " saved.");
    }

    @PostMapping("/oncall/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/oncall", () -> {
            onCall.delete(id);
            return "Schedule deleted.";
        });
    }

    @PostMapping("/oncall/{id}/overrides")
    String override(@PathVariable UUID id, @RequestParam String user, @RequestParam String from, @RequestParam String to,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/oncall/" + id, () -> {
            ZoneId zone = ZoneId.of(onCall.get(id).timezone());
            onCall.addOverride(id, user.strip(), local(from, "from", zone), local(to, "to", zone));
            return "Override for " + user.strip() + " added.";
        });
    }

    @PostMapping("/oncall/{id}/overrides/{overrideId}/delete")
    String deleteOverride(@PathVariable UUID id, @PathVariable UUID overrideId, RedirectAttributes redirect) {
        return Flash.run(redirect, "/oncall/" + id, () -> {
            onCall.deleteOverride(id, overrideId);
            return "Override removed.";
        });
    }

    static Day day(LocalDate date, ZoneId zone, List<ShiftView> shifts) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        double length = Duration.between(start, end).toMillis();
        List<Piece> pieces = new ArrayList<>();
        for (ShiftView shift : shifts) {
            Instant from = shift.from().isBefore(start) ? start : shift.from();
            Instant to = shift.to().isAfter(end) ? end : shift.to();
            if (from.isBefore(to)) {
                pieces.add(new Piece(clock(from, zone, date), clock(to, zone, date), shift.user(), shift.source(),
                        Math.round(Duration.between(from, to).toMillis() * 10000 / length) / 100.0));
            }
        }
        return new Day(date, pieces);
    }

    private static String clock(Instant at, ZoneId zone, LocalDate day) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return local.toLocalDate().isAfter(day) ? "24:00" : String.format("%02d:%02d", local.getHour(), local.getMinute());
    }

    private static OnCallScheduleRequest request(String definition) {
        try {
            return JSON.readValue(definition, OnCallScheduleRequest.class);
        } catch (JacksonException e) {
            throw ProblemException.badRequest("invalid-schedule", "the definition is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String definition(OnCallScheduleView schedule) {
        List<OnCallScheduleRequest.RotationRequest> rotations = schedule.rotations().stream().map(r -> new OnCallScheduleRequest.RotationRequest(
                r.name(), r.type(), r.handoff(), r.handoffDay(), r.shiftDays(), r.participants(), r.restriction() == null ? null
                : new OnCallScheduleRequest.RestrictionRequest(r.restriction().from(), r.restriction().to()), r.startsOn())).toList();
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                new OnCallScheduleRequest(schedule.name(), schedule.timezone(), rotations));
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-input", "week must be a date such as 2026-03-02");
        }
    }

    static Instant local(String text, String field, ZoneId zone) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-input", field + " must be a local date and time such as 2026-03-02T09:00");
        }
    }
}
