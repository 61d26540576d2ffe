package dev.vigil.server.alerting.internal.notify;

import java.util.List;
import java.util.Map;

import dev.vigil.server.alerting.ChannelConfig;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat webhooks, each in the payload its service expects: Slack-compatible ({@code text}), Microsoft Teams (a
 * MessageCard), DingTalk and WeCom (markdown messages) and Feishu (a text message).
 */
@Component
class ChatChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TYPES = List.of("slack", "teams", "dingtalk", "wecom", "feishu");

    @Override
    public boolean serves(String type) {
        return TYPES.contains(type);
    }

    @Override
    public SendResult send(NotificationMessage message, ChannelConfig config) {
        return HttpDelivery.post(config.url(), JSON.writeValueAsBytes(payload(config.type(), message)), Map.of());
    }

    static Object payload(String type, NotificationMessage message) {
        String text = message.text();
        return switch (type) {
            case "slack" -> Map.of("text", text);
            case "teams" -> Map.of("@type", "MessageCard", "@context", "https://schema.org/extensions", "summary", message.subject(),
                    "title", message.subject(), "text", text.replace("\n", "  \n"));
            case "dingtalk" -> Map.of("msgtype", "markdown", "markdown", Map.of("title", message.subject(), "text", text));
            case "wecom" -> Map.of("msgtype", "markdown", "markdown", Map.of("content", text));
            case "feishu" -> Map.of("msg_type", "text", "content", Map.of("text", text));
            default -> throw new IllegalArgumentException("not a chat channel: " + type);
        };
    }
}
