package dev.vigil.monitor.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.rules.RuleTemplates;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class GoTemplateTest {

    private final RuleTemplates templates = new RuleTemplates(Map.of("cluster", "eu1"), "http://prom");
    private final Labels labels = Labels.of("instance", "n1:9100", "job", "node");

    private String expand(String template, double value) {
        return templates.expand(template, labels, value);
    }

    @Test
    void labelsValueAndMapPrinting() {
        assertThat(expand("{{ $labels.instance }} at {{ $value }}", 0.05)).isEqualTo("n1:9100 at 0.05");
        assertThat(expand("LABELS = {{ $labels }}", 1)).isEqualTo("LABELS = map[instance:n1:9100 job:node]");
        assertThat(expand("{{ .Labels.job }} {{ .Value }} {{ $externalLabels.cluster }} {{ $externalURL }}", 95))
                .isEqualTo("node 95 eu1 http://prom");
        assertThat(expand("{{ $labels.missing }}", 1)).isEqualTo("<no value>");
        assertThat(expand("{{ $value }}", 1e6)).isEqualTo("1e+06");
        assertThat(expand("{{ $value }}", 123456)).isEqualTo("123456");
    }

    @Test
    void printfAndHumanizeFunctions() {
        assertThat(expand("{{ printf \"%.2f\" $value }}%", 4)).isEqualTo("4.00%");
        assertThat(expand("{{ printf \"%.2f\" $value }}", 0.125)).isEqualTo("0.12");
        assertThat(expand("{{ printf \"%.0f\" $value }}", 2.5)).isEqualTo("2");
        assertThat(expand("{{ $value | humanizePercentage }}", 0.8)).isEqualTo("80%");
        assertThat(expand("{{ humanizePercentage 0.959 }}", 0)).isEqualTo("95.9%");
        assertThat(expand("{{ humanize 1048576 }}", 0)).isEqualTo("1.049M");
        assertThat(expand("{{ humanize 0.0012 }}", 0)).isEqualTo("1.2m");
        assertThat(expand("{{ humanize1024 1048576 }}", 0)).isEqualTo("1Mi");
        assertThat(expand("{{ humanizeDuration 135.3563 }}", 0)).isEqualTo("2m 15s");
        assertThat(expand("{{ humanizeDuration 0.25 }}", 0)).isEqualTo("250ms");
        assertThat(expand("{{ humanizeTimestamp 1643114203 }}", 0)).isEqualTo("2022-01-25 12:36:43 +0000 UTC");
        assertThat(expand("{{ printf \"%d items, %s\" 3 \"ok\" }}", 0)).isEqualTo("3 items, ok");
        assertThat(expand("{{ printf \"%5.1f|%-4s|\" 3.14159 \"a\" }}", 0)).isEqualTo("  3.1|a   |");
    }

    @Test
    void stringFunctionsAndControlFlow() {
        assertThat(expand("{{toUpper \"is testing\"}} {{toLower \"THE STRINGS\"}} {{title \"this part\"}}", 0))
                .isEqualTo("IS TESTING the strings This Part");
        assertThat(expand("{{reReplaceAll \"r.*d\" \"replaced\" \"rpld text\"}}", 0)).isEqualTo("replaced text");
        assertThat(expand("{{reReplaceAll \"(a)(b)\" \"$2$1\" \"xaby\"}}", 0)).isEqualTo("xbay");
        assertThat(expand("{{ stripPort \"[::1]:6006\" }} {{ stripPort \"127.0.0.1:4004\" }}", 0)).isEqualTo("::1 127.0.0.1");
        assertThat(expand("{{ parseDuration \"2h10m15s\" }}", 0)).isEqualTo("7815");
        assertThat(expand("{{if match \"[0-9]+$\" \"1234a\"}}yes{{else}}no{{end}}", 0)).isEqualTo("no");
        assertThat(expand("{{ if gt $value 90.0 }}high{{ else if gt $value 50.0 }}mid{{ else }}low{{ end }}", 60)).isEqualTo("mid");
        assertThat(expand("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}", 0)).isEqualTo("instance=n1:9100;job=node;");
        assertThat(expand("a  {{- \" b \" -}}  c", 0)).isEqualTo("a b c");
        assertThat(expand("{{ $x := 5 }}{{ $x }}", 0)).isEqualTo("5");
        assertThat(expand("{{/* comment */}}ok", 0)).isEqualTo("ok");
    }

    @Test
    void errorsAreReportedInTheExpansionLikePrometheus() {
        assertThat(expand("{{ nosuchfunc 1 }}", 0)).startsWith("<error expanding template: ").contains("nosuchfunc");
        assertThat(expand("{{ if 1 }}open", 0)).contains("missing {{end}}");
        assertThatThrownBy(() -> GoTemplate.parse("{{ \"unterminated }}")).isInstanceOf(TemplateException.class);
        assertThat(expand("{{ " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + " }}", 0)).contains("nested too deeply");
        assertThat(expand("{{ if 1 }}".repeat(50_000), 0)).contains("nested too deeply");
        assertThat(expand("{{ (1) }}".repeat(500), 0)).isEqualTo("1".repeat(500));
    }

    @Property(tries = 300)
    void hostileTemplatesNeverEscapeAsUnexpectedExceptions(@ForAll String body) {
        String result = expand("{{" + body + "}}", 1);
        assertThat(result).isNotNull();
    }

    @Property(tries = 300)
    void textWithoutActionsIsUnchanged(@ForAll String text) {
        String safe = text.replace("{{", "{");
        assertThat(expand(safe, 1)).isEqualTo(safe);
    }
}
