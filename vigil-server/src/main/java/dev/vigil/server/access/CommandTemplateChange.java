package dev.vigil.server.access;

import java.util.List;

/**
 * A command template as requested: {@code command} with {@code {name}} placeholders, one typed entry in
 * {@code parameters} per placeholder, where it may run ({@code target} or {@code targetGroup}) and as which account.
 */
public record CommandTemplateChange(String name, String description, String command, String target, String targetGroup, String account,
        List<Parameter> parameters) {

    /**
     * @param type   ip, cidr, hostname, username, integer ({@code min}, {@code max}), enum ({@code values}) or path
     *               ({@code prefix})
     */
    public record Parameter(String name, String type, Long min, Long max, List<String> values, String prefix) {
    }
}
