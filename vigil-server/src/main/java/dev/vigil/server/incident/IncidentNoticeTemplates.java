package dev.vigil.server.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The texts of notices to affected tenants, shipped in {@code incident/notice-templates.json}: per incident type
 * ({@code *} for any) and levels (empty for any), with {@code {{placeholders}}} (see {@link IncidentNotices}). The most
 * specific template wins: the incident's type before any type, named levels before any level.
 */
@Component
class IncidentNoticeTemplates {

    static final String RESOURCE = "/incident/notice-templates.json";

    /** One template; {@code name} says which it is in a preview. */
    record Template(String type, List<Integer> levels, String subject, String body) {

        String name() {
            return (type.equals("*") ? "any type" : type) + ", " + (levels.isEmpty() ? "any level" : "levels " + levels);
        }

        boolean fits(String incidentType, Integer level) {
            return (type.equals("*") || type.equals(incidentType)) && (levels.isEmpty() || level != null && levels.contains(level));
        }

        int specificity() {
            return (type.equals("*") ? 0 : 2) + (levels.isEmpty() ? 0 : 1);
        }
    }

    private final List<Template> templates = read();

    Template forIncident(String type, Integer level) {
        return templates.stream().filter(t -> t.fits(type, level)).max(Comparator.comparingInt(Template::specificity))
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no template for any type and level"));
    }

    private static List<Template> read() {
        try (InputStream in = IncidentNoticeTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            return PlanService.JSON.readValue(in, new TypeReference<List<Template>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
