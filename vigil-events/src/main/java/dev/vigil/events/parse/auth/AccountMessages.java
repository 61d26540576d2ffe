package dev.vigil.events.parse.auth;

import java.util.List;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;

/**
 * Messages of the shadow-utils account tools (useradd, groupadd, usermod, userdel, groupdel, groupmod, passwd):
 * {@code new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0},
 * {@code new group: name=bob, GID=1001}, {@code add 'bob' to group 'sudo'}, {@code delete user 'bob'}, ...
 */
final class AccountMessages implements AuthMessageParser {
    static final EventClass USER_CREATED = iam("user_created", "user", "creation");
    static final EventClass GROUP_CREATED = iam("group_created", "group", "creation");
    static final EventClass USER_DELETED = iam("user_deleted", "user", "deletion");
    static final EventClass GROUP_DELETED = iam("group_deleted", "group", "deletion");
    static final EventClass USER_ADDED_TO_GROUP = iam("user_added_to_group", "group", "change");
    static final EventClass USER_REMOVED_FROM_GROUP = iam("user_removed_from_group", "group", "change");
    static final EventClass USER_CHANGED = iam("user_changed", "user", "change");
    static final EventClass GROUP_CHANGED = iam("group_changed", "group", "change");

    @Override
    public void parse(String message, EventDraft draft) {
        EventFields fields = draft.fields();
        if (message.startsWith("new user: ")) {
            USER_CREATED.writeTo(fields, EventClass.SUCCESS);
            readSettings(message.substring("new user: ".length()), "user", fields);
        } else if (message.startsWith("new group: ")) {
            GROUP_CREATED.writeTo(fields, EventClass.SUCCESS);
            readSettings(message.substring("new group: ".length()), "group", fields);
        } else if (message.startsWith("group added to ")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                readSettings(message.substring(colon + 2), "group", fields);
            }
        } else if (message.startsWith("failed adding user '")) {
            USER_CREATED.writeTo(fields, EventClass.FAILURE);
            fields.put("user.name", quoted(message, 0));
        } else if (message.startsWith("add '")) {
            memberChange(message, " to ", USER_ADDED_TO_GROUP, fields);
        } else if (message.startsWith("delete '")) {
            memberChange(message, " from ", USER_REMOVED_FROM_GROUP, fields);
        } else if (message.startsWith("delete user '")) {
            USER_DELETED.writeTo(fields, EventClass.SUCCESS);
            fields.put("user.name", quoted(message, 0));
        } else if (isGroupRemoval(message)) {
            GROUP_DELETED.writeTo(fields, EventClass.SUCCESS);
            fields.put("group.name", quoted(message, 0));
        } else if (isUserChange(message)) {
            USER_CHANGED.writeTo(fields, EventClass.SUCCESS);
            fields.put("user.name", quoted(message, 0));
        } else if (message.startsWith("group changed in ") || message.startsWith("change group '")) {
            GROUP_CHANGED.writeTo(fields, EventClass.SUCCESS);
            fields.put("group.name", quoted(message, 0));
        }
    }

    /** {@code removed group 'X' owned by 'Y'} (userdel) or {@code group 'X' removed} (groupdel) */
    private static boolean isGroupRemoval(String message) {
        return message.startsWith("removed group '") || message.startsWith("group '") && message.contains("' removed");
    }

    private static boolean isUserChange(String message) {
        return message.startsWith("change user ") || message.startsWith("lock user '")
                || message.startsWith("unlock user '") || message.startsWith("user '");
    }

    /** {@code add 'USER' to [shadow ]group 'GROUP'} / {@code delete 'USER' from [shadow ]group 'GROUP'} */
    private static void memberChange(String message, String preposition, EventClass eventClass, EventFields fields) {
        String user = quoted(message, 0);
        int groupAt = message.indexOf(preposition);
        if (user == null || groupAt < 0) {
            return;
        }
        eventClass.writeTo(fields, EventClass.SUCCESS);
        fields.put("user.name", user);
        fields.put("group.name", quoted(message, groupAt));
    }

    /** {@code name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0} */
    private static void readSettings(String text, String subject, EventFields fields) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(", ", start);
            end = end < 0 ? text.length() : end;
            String item = text.substring(start, end);
            start = end + 2;
            int equals = item.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String value = item.substring(equals + 1);
            switch (item.substring(0, equals)) {
                case "name" -> fields.put(subject + ".name", value);
                case "UID" -> fields.put("user.id", value);
                case "GID" -> fields.put("group.id", value);
                case "home" -> fields.put("system.auth.useradd.home", value);
                case "shell" -> fields.put("system.auth.useradd.shell", value);
                case "from" -> fields.put("system.auth.useradd.from", value);
                default -> {
                }
            }
        }
    }

    /** The text between the first pair of single quotes at or after {@code from}; null when there is none. */
    private static String quoted(String text, int from) {
        int open = text.indexOf('\'', from);
        int close = open < 0 ? -1 : text.indexOf('\'', open + 1);
        return close < 0 ? null : text.substring(open + 1, close);
    }

    private static EventClass iam(String action, String type, String change) {
        return new EventClass(action, List.of("iam"), List.of(type, change));
    }
}
