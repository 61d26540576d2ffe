package dev.vigil.events.parse.auditd;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.events.parse.draft.EventClass;

/** The common-schema category and type of audit record types; the action is the type in lower case. */
final class AuditRecordTypes {
    private static final Map<String, EventClass> KNOWN = Map.ofEntries(
            known("USER_AUTH", List.of("authentication"), List.of("info")),
            known("USER_ACCT", List.of("authentication"), List.of("info")),
            known("USER_LOGIN", List.of("authentication"), List.of("start")),
            known("USER_LOGOUT", List.of("authentication"), List.of("end")),
            known("USER_ERR", List.of("authentication"), List.of("info")),
            known("ANOM_LOGIN_FAILURES", List.of("authentication"), List.of("info")),
            known("CRED_ACQ", List.of("authentication"), List.of("info")),
            known("CRED_REFR", List.of("authentication"), List.of("info")),
            known("CRED_DISP", List.of("authentication"), List.of("info")),
            known("USER_START", List.of("session"), List.of("start")),
            known("USER_END", List.of("session"), List.of("end")),
            known("LOGIN", List.of("authentication", "session"), List.of("start")),
            known("USER_CMD", List.of("process"), List.of("start")),
            known("EXECVE", List.of("process"), List.of("start")),
            known("PROCTITLE", List.of("process"), List.of("info")),
            known("PATH", List.of("file"), List.of("info")),
            known("ADD_USER", List.of("iam"), List.of("user", "creation")),
            known("DEL_USER", List.of("iam"), List.of("user", "deletion")),
            known("ADD_GROUP", List.of("iam"), List.of("group", "creation")),
            known("DEL_GROUP", List.of("iam"), List.of("group", "deletion")),
            known("USER_MGMT", List.of("iam"), List.of("user", "change")),
            known("USER_CHAUTHTOK", List.of("iam"), List.of("user", "change")),
            known("GRP_MGMT", List.of("iam"), List.of("group", "change")),
            known("CONFIG_CHANGE", List.of("configuration"), List.of("change")),
            known("SERVICE_START", List.of("process"), List.of("start")),
            known("SERVICE_STOP", List.of("process"), List.of("end")));

    private AuditRecordTypes() {
    }

    static EventClass classOf(String type) {
        EventClass known = KNOWN.get(type);
        return known != null ? known : new EventClass(type.toLowerCase(Locale.ROOT), List.of(), List.of());
    }

    private static Map.Entry<String, EventClass> known(String type, List<String> categories, List<String> types) {
        return Map.entry(type, new EventClass(type.toLowerCase(Locale.ROOT), categories, types));
    }
}
