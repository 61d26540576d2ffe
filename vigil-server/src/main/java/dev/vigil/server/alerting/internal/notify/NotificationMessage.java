package dev.vigil.server.alerting.internal.notify;

import java.util.Map;

/** What a notification says, rendered for each kind of channel: a subject and text (e-mail, chat), a JSON document (webhooks). */
public sealed interface NotificationMessage permits AlertMessage, NoticeMessage, GroupMessage {

    String subject();

    String text();

    Map<String, Object> document();
}
