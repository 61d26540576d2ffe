package dev.vigil.server.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * The event query (vigil-eventstore's query language) that finds stored events of a tenant containing an observable:
 * the fields of the event schema that hold a value of its kind, or the value as a phrase in the message.
 */
final class ObservableQueries {

    private ObservableQueries() {
    }

    static String of(String tenant, String kind, String value) {
        List<String> fields = switch (kind) {
            case "ip" -> List.of("source.ip", "destination.ip", "host.ip");
            case "host" -> List.of("host.name", "host.hostname", "source.domain", "destination.domain");
            case "user" -> List.of("user.name");
            case "domain" -> List.of("dns.question.name", "url.domain", "source.domain", "destination.domain");
            case "url" -> List.of("url.original");
            case "email" -> List.of("user.email");
            case "hash" -> hashFields(value.length());
            default -> List.of();
        };
        List<String> clauses = new ArrayList<>();
        String quoted = quote(value);
        fields.forEach(field -> clauses.add(field + ":" + quoted));
        clauses.add(quoted);
        return "_tenant:" + quote(tenant) + " AND (" + String.join(" OR ", clauses) + ")";
    }

    private static List<String> hashFields(int length) {
        String algorithm = switch (length) {
            case 32 -> "md5";
            case 40 -> "sha1";
            case 64 -> "sha256";
            default -> "sha512";
        };
        return List.of("process.hash." + algorithm, "file.hash." + algorithm);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
