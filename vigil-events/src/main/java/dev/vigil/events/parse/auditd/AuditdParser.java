package dev.vigil.events.parse.auditd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.draft.TextParser;
import dev.vigil.events.parse.text.NumberText;

/**
 * Linux audit records ({@code /var/log/audit/audit.log} lines, or the same through syslog). Every field keeps its
 * own name ({@code type}, {@code syscall}, {@code exe}, {@code a0}, ...), as Sigma's auditd rules expect; the common
 * schema gets the action (the record type in lower case), outcome, user and process fields.
 */
public final class AuditdParser implements TextParser {
    private static final String KERNEL_PREFIX = "audit: ";
    private static final String UNSET_ID = "4294967295";
    private static final int MAX_ARGUMENTS = 256;

    @Override
    public boolean parse(String text, EventDraft draft) {
        String body = text.startsWith(KERNEL_PREFIX) ? text.substring(KERNEL_PREFIX.length()) : text;
        if (!body.startsWith("type=") && !body.startsWith("node=")) {
            return false;
        }
        AuditRecord record = AuditRecord.read(body);
        if (record == null) {
            return false;
        }
        EventFields fields = draft.fields();
        fields.putOriginal("type", record.type());
        for (Map.Entry<String, String> value : record.values().entrySet()) {
            fields.putOriginal(value.getKey(), value.getValue());
        }
        draft.timestamp(Instant.ofEpochMilli(record.epochMillis()));
        if (record.serial() != null) {
            fields.put("auditd.log.sequence", record.serial().longValue());
        }
        AuditRecordTypes.classOf(record.type()).writeTo(fields);
        fields.put("event.outcome", outcome(record));
        writeUser(record, fields);
        writeProcess(record, fields);
        fields.put("host.name", record.get("node"));
        fields.putIp("source.ip", record.get("addr"));
        if ("PATH".equals(record.type())) {
            fields.put("file.path", record.get("name"));
        }
        fields.put("event.kind", "event");
        fields.put("event.dataset", "auditd");
        return true;
    }

    private static String outcome(AuditRecord record) {
        String success = record.get("success");
        String result = success != null ? success : record.get("res");
        if (result == null) {
            return null;
        }
        return switch (result.toLowerCase(Locale.ROOT)) {
            case "yes", "success", "1" -> EventClass.SUCCESS;
            case "no", "failed", "failure", "0" -> EventClass.FAILURE;
            default -> null;
        };
    }

    private static void writeUser(AuditRecord record, EventFields fields) {
        fields.put("user.id", record.get("uid"));
        fields.put("user.effective.id", record.get("euid"));
        fields.put("group.id", record.get("gid"));
        String auid = record.get("auid");
        if (!UNSET_ID.equals(auid)) {
            fields.put("user.audit.id", auid);
        }
        String account = record.get("acct");
        fields.put("user.name", account != null ? account : record.get("UID"));
        fields.put("user.audit.name", record.get("AUID"));
    }

    private static void writeProcess(AuditRecord record, EventFields fields) {
        putLong(fields, "process.pid", record.get("pid"));
        putLong(fields, "process.parent.pid", record.get("ppid"));
        fields.put("process.name", record.get("comm"));
        fields.put("process.executable", record.get("exe"));
        fields.put("process.working_directory", record.get("cwd"));
        fields.put("process.title", record.get("proctitle"));
        if ("EXECVE".equals(record.type())) {
            List<String> arguments = arguments(record);
            fields.put("process.args", arguments);
            fields.put("process.command_line", String.join(" ", arguments));
        }
    }

    private static List<String> arguments(AuditRecord record) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < MAX_ARGUMENTS; i++) {
            String argument = record.get("a" + i);
            if (argument == null) {
                break;
            }
            arguments.add(argument);
        }
        return arguments;
    }

    private static void putLong(EventFields fields, String name, String text) {
        Long value = NumberText.parseLong(text);
        if (value != null) {
            fields.put(name, value.longValue());
        }
    }
}
