package dev.vigil.events.parse.windows;

import static dev.vigil.events.parse.windows.WindowsValues.copy;
import static dev.vigil.events.parse.windows.WindowsValues.copyExecutable;
import static dev.vigil.events.parse.windows.WindowsValues.copyIp;
import static dev.vigil.events.parse.windows.WindowsValues.copyNumber;
import static dev.vigil.events.parse.windows.WindowsValues.copyPort;

import java.util.List;
import java.util.Map;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventFields;

/** Common-schema fields of the Windows Security log's logon, process and account events. */
final class SecurityEvents {
    private static final Map<String, EventClass> CLASSES = Map.ofEntries(
            Map.entry("4624", authentication("logged-in", "start")),
            Map.entry("4625", authentication("logon-failed", "start")),
            Map.entry("4634", authentication("logged-out", "end")),
            Map.entry("4647", authentication("logged-out", "end")),
            Map.entry("4648", authentication("logged-in-explicit", "start")),
            Map.entry("4672", new EventClass("logged-in-special", List.of("iam"), List.of("admin"))),
            Map.entry("4688", EventClass.of("created-process", "process", "start")),
            Map.entry("4689", EventClass.of("exited-process", "process", "end")),
            Map.entry("4720", iam("added-user-account", "user", "creation")),
            Map.entry("4722", iam("enabled-user-account", "user", "change")),
            Map.entry("4723", iam("changed-password", "user", "change")),
            Map.entry("4724", iam("reset-password", "user", "change")),
            Map.entry("4725", iam("disabled-user-account", "user", "change")),
            Map.entry("4726", iam("deleted-user-account", "user", "deletion")),
            Map.entry("4738", iam("modified-user-account", "user", "change")),
            Map.entry("4740", iam("locked-out-user-account", "user", "change")),
            Map.entry("4728", iam("added-member-to-group", "group", "change")),
            Map.entry("4732", iam("added-member-to-group", "group", "change")),
            Map.entry("4756", iam("added-member-to-group", "group", "change")),
            Map.entry("4729", iam("removed-member-from-group", "group", "change")),
            Map.entry("4733", iam("removed-member-from-group", "group", "change")),
            Map.entry("4757", iam("removed-member-from-group", "group", "change")),
            Map.entry("1102", EventClass.of("audit-log-cleared", "host", "change")));
    private static final Map<String, String> LOGON_TYPES = Map.of("2", "Interactive", "3", "Network", "4", "Batch",
            "5", "Service", "7", "Unlock", "8", "NetworkCleartext", "9", "NewCredentials", "10", "RemoteInteractive",
            "11", "CachedInteractive");

    private SecurityEvents() {
    }

    static void write(String eventId, EventFields fields) {
        EventClass eventClass = CLASSES.get(eventId);
        if (eventClass == null) {
            return;
        }
        eventClass.writeTo(fields, "4625".equals(eventId) ? EventClass.FAILURE : EventClass.SUCCESS);
        switch (eventId) {
            case "4624", "4625", "4634", "4647" -> logon(fields);
            case "4648" -> explicitLogon(fields);
            case "4688" -> processCreated(fields);
            case "4689" -> {
                copyExecutable(fields, "ProcessName", "process");
                copyNumber(fields, "ProcessId", "process.pid");
                subject(fields);
            }
            case "4728", "4732", "4756", "4729", "4733", "4757" -> {
                copy(fields, "TargetUserName", "group.name");
                copy(fields, "TargetDomainName", "group.domain");
                copy(fields, "TargetSid", "group.id");
            }
            default -> target(fields);
        }
    }

    private static void logon(EventFields fields) {
        target(fields);
        copyIp(fields, "IpAddress", "source.ip");
        copyPort(fields, "IpPort", "source.port");
        copy(fields, "WorkstationName", "source.domain");
        copy(fields, "TargetLogonId", "winlog.logon.id");
        String logonType = fields.text("LogonType");
        fields.put("winlog.logon.type", logonType == null ? null : LOGON_TYPES.getOrDefault(logonType, logonType));
        copyExecutable(fields, "ProcessName", "process");
        copyNumber(fields, "ProcessId", "process.pid");
    }

    private static void explicitLogon(EventFields fields) {
        subject(fields);
        copy(fields, "TargetUserName", "user.effective.name");
        copy(fields, "TargetDomainName", "user.effective.domain");
        copyIp(fields, "IpAddress", "source.ip");
        copyPort(fields, "IpPort", "source.port");
        copyExecutable(fields, "ProcessName", "process");
    }

    private static void processCreated(EventFields fields) {
        copyExecutable(fields, "NewProcessName", "process");
        copy(fields, "CommandLine", "process.command_line");
        copyNumber(fields, "NewProcessId", "process.pid");
        copyExecutable(fields, "ParentProcessName", "process.parent");
        copyNumber(fields, "ProcessId", "process.parent.pid");
        subject(fields);
    }

    private static void target(EventFields fields) {
        copy(fields, "TargetUserName", "user.name");
        copy(fields, "TargetDomainName", "user.domain");
        copy(fields, "TargetUserSid", "user.id");
        copy(fields, "TargetSid", "user.id");
    }

    private static void subject(EventFields fields) {
        copy(fields, "SubjectUserName", "user.name");
        copy(fields, "SubjectDomainName", "user.domain");
        copy(fields, "SubjectUserSid", "user.id");
    }

    private static EventClass authentication(String action, String type) {
        return EventClass.of(action, "authentication", type);
    }

    private static EventClass iam(String action, String subject, String change) {
        return new EventClass(action, List.of("iam"), List.of(subject, change));
    }
}
