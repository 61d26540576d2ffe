package dev.vigil.bastion.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.vigil.bastion.policy.ShellLexer;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

    private static TemplateParameter param(String name, String type) {
        return new TemplateParameter(name, ParameterType.of(type), null, null, null, null);
    }

    private static final CommandTemplate BLOCK = new CommandTemplate("iptables -I INPUT -s {ip} -j DROP", List.of(param("ip", "ip")));

    @Test
    void rendersEachValueQuotedAsOneWord() {
        assertThat(BLOCK.render(Map.of("ip", "203.0.113.7"))).isEqualTo("iptables -I INPUT -s '203.0.113.7' -j DROP");
        assertThat(BLOCK.render(Map.of("ip", "2001:DB8::1"))).isEqualTo("iptables -I INPUT -s '2001:db8::1' -j DROP");
        CommandTemplate all = new CommandTemplate("run {net} {host} {user} {n} {mode} {file} {{literal}}", List.of(param("net", "cidr"),
                param("host", "hostname"), param("user", "username"), new TemplateParameter("n", ParameterType.INTEGER, 1L, 65535L, null, null),
                new TemplateParameter("mode", ParameterType.ENUM, null, null, List.of("tcp", "it's"), null),
                new TemplateParameter("file", ParameterType.PATH, null, null, null, "/var/log/")));
        assertThat(all.render(Map.of("net", "192.0.2.0/24", "host", "Web-01.Example.org", "user", "svc_backup", "n", "443", "mode", "it's",
                "file", "/var/log/nginx/access.log")))
                .isEqualTo("run '192.0.2.0/24' 'web-01.example.org' 'svc_backup' '443' 'it'\\''s' '/var/log/nginx/access.log' {literal}");
    }

    @Test
    void injectionAttemptsAreRefusedByTheirType() {
        for (String evil : List.of("1.2.3.4; rm -rf /", "$(id)", "`id`", "1.2.3.4\nid", "1.2.3.4' ; id '", "\"1.2.3.4\"", "-j ACCEPT",
                "01.2.3.4", "1.2.3.256", "1.2.3.4 ", "::1%eth0")) {
            assertThatThrownBy(() -> BLOCK.render(Map.of("ip", evil))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("parameter ip (ip)").hasMessageNotContaining("\n");
        }
        CommandTemplate file = new CommandTemplate("tail -n 5 {file}", List.of(new TemplateParameter("file", ParameterType.PATH, null, null, null,
                "/var/log/")));
        for (String evil : List.of("/var/log/../../etc/shadow", "/etc/passwd", "/var/log/", "/var/log/a b", "/var/log/$(id)", "/var/log//x",
                "/var/log/./x", "/var/logx/y")) {
            assertThatThrownBy(() -> file.render(Map.of("file", evil))).hasMessageContaining("must be a path under /var/log/");
        }
        CommandTemplate count = new CommandTemplate("head -n {n} x", List.of(new TemplateParameter("n", ParameterType.INTEGER, 1L, 100L, null, null)));
        assertThatThrownBy(() -> count.render(Map.of("n", "-5"))).hasMessageContaining("outside 1..100");
        assertThatThrownBy(() -> count.render(Map.of("n", "5 ; id"))).hasMessageContaining("is not a whole number");
        CommandTemplate user = new CommandTemplate("passwd -l {u}", List.of(param("u", "username")));
        assertThatThrownBy(() -> user.render(Map.of("u", "-d root"))).hasMessageContaining("is not a user name");
        assertThatThrownBy(() -> BLOCK.render(Map.of("ip", "1.2.3.4", "extra", "x"))).hasMessageContaining("unknown parameter 'extra'");
        assertThatThrownBy(() -> BLOCK.render(Map.of())).hasMessageContaining("a value is required");
    }

    @Test
    void whateverAnEnumValueHoldsTheShellSeesOneLiteralWord() {
        String nasty = "a'b\"c$(id)`id`;|&\\ *";
        CommandTemplate echo = new CommandTemplate("echo {v}", List.of(new TemplateParameter("v", ParameterType.ENUM, null, null, List.of(nasty), null)));
        var words = ShellLexer.parse(echo.render(Map.of("v", nasty))).commands().get(0).words();
        assertThat(words).hasSize(2);
        assertThat(words.get(1).literal()).isTrue();
        assertThat(words.get(1).value()).isEqualTo(nasty);
    }

    @Test
    void templatesAreCheckedWhenDefined() {
        assertThatThrownBy(() -> new CommandTemplate("echo '{ip}'", List.of(param("ip", "ip")))).hasMessageContaining("inside quotes");
        assertThatThrownBy(() -> new CommandTemplate("echo \"x {ip}\"", List.of(param("ip", "ip")))).hasMessageContaining("inside quotes");
        assertThatThrownBy(() -> new CommandTemplate("echo \\{ip}", List.of(param("ip", "ip")))).hasMessageContaining("follows a backslash");
        assertThatThrownBy(() -> new CommandTemplate("echo {ip} {other}", List.of(param("ip", "ip")))).hasMessageContaining("{other} is not a declared");
        assertThatThrownBy(() -> new CommandTemplate("echo", List.of(param("ip", "ip")))).hasMessageContaining("parameter ip is not used");
        assertThatThrownBy(() -> new CommandTemplate("awk '{print}'", List.of())).hasMessageContaining("write {{ for a literal");
        assertThatThrownBy(() -> new CommandTemplate("echo a\necho b", List.of())).hasMessageContaining("one line");
        assertThatThrownBy(() -> new TemplateParameter("f", ParameterType.PATH, null, null, null, "var/")).hasMessageContaining("needs a prefix");
        assertThat(new CommandTemplate("awk '{{print}}' {f}", List.of(new TemplateParameter("f", ParameterType.PATH, null, null, null, "/tmp/")))
                .render(Map.of("f", "/tmp/x"))).isEqualTo("awk '{print}' '/tmp/x'");
    }
}
