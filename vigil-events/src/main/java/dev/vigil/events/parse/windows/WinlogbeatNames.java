package dev.vigil.events.parse.windows;

import java.util.Map;

import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.text.NumberText;

/**
 * Adds the Windows field names to a Winlogbeat document, whose fields live under {@code winlog.*}: {@code EventID}
 * from {@code winlog.event_id}, {@code Channel}, {@code Provider_Name}, {@code Computer}, ..., and every
 * {@code winlog.event_data.X} (and {@code winlog.user_data.X}) as {@code X}, so Sigma rules match them.
 */
final class WinlogbeatNames {
    private static final String EVENT_DATA = "winlog.event_data.";
    private static final String USER_DATA = "winlog.user_data.";
    private static final String[][] SYSTEM_NAMES = {
        {"winlog.channel", "Channel"},
        {"winlog.provider_name", "Provider_Name"},
        {"winlog.provider_guid", "Provider_Guid"},
        {"winlog.computer_name", "Computer"},
        {"winlog.record_id", "EventRecordID"},
        {"winlog.process.pid", "Execution_ProcessID"},
        {"winlog.process.thread.id", "Execution_ThreadID"},
        {"winlog.user.identifier", "Security_UserID"},
    };

    private WinlogbeatNames() {
    }

    static boolean isWinlogbeatDocument(FlatJson document) {
        return document.has("winlog.event_id") || document.has("winlog.channel");
    }

    static void addWindowsNames(FlatJson document, EventFields fields) {
        String eventId = document.text("winlog.event_id");
        Long numericId = NumberText.parseLong(eventId);
        fields.putOriginal("EventID", numericId != null ? numericId : eventId);
        for (String[] name : SYSTEM_NAMES) {
            fields.putOriginal(name[1], document.get(name[0]));
        }
        for (Map.Entry<String, Object> field : document.values().entrySet()) {
            String path = field.getKey();
            if (path.startsWith(EVENT_DATA)) {
                fields.putOriginal(path.substring(EVENT_DATA.length()), field.getValue());
            } else if (path.startsWith(USER_DATA)) {
                fields.putOriginal(path.substring(path.lastIndexOf('.') + 1), field.getValue());
            }
        }
    }
}
