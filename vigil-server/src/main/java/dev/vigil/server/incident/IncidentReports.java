package dev.vigil.server.incident;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The post-incident report rendered from the case: HTML (Thymeleaf template {@code incident-report.html}), PDF (the same
 * HTML laid out by openhtmltopdf) and a JSON export of the whole case. Every export is an audit record.
 */
@Service
public class IncidentReports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final IncidentService incidents;
    private final ITemplateEngine templates;
    private final AuditLog audit;
    private final IncidentStore store;

    IncidentReports(IncidentService incidents, ITemplateEngine templates, AuditLog audit, IncidentStore store) {
        this.incidents = incidents;
        this.templates = templates;
        this.audit = audit;
        this.store = store;
    }

    public IncidentFile render(UUID id, String format) {
        IncidentView incident = incidents.get(id);
        String base = incident.ref().toLowerCase(Locale.ROOT) + "-report";
        IncidentFile report = switch (format == null ? "" : format) {
            case "json" -> new IncidentFile(base + ".json", "application/json", JSON.writeValueAsBytes(incident));
            case "html" -> new IncidentFile(base + ".html", "text/html;charset=UTF-8", html(incident).getBytes(StandardCharsets.UTF_8));
            case "pdf" -> new IncidentFile(base + ".pdf", "application/pdf", pdf(html(incident)));
            default -> throw ProblemException.badRequest("invalid-format", "format must be pdf, html or json");
        };
        audit.record(AuditEntry.success("incident.report", "incident", id, store.tenantId(incident.tenant()), Map.of("format", format, "size", report.content().length)));
        return report;
    }

    private String html(IncidentView incident) {
        Context context = new Context(Locale.ROOT, Map.of("incident", incident, "generatedAt", store.now()));
        return templates.process("incident-report", context);
    }

    private static byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
