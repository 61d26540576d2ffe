package dev.vigil.events.parse.windows;

import static dev.vigil.events.parse.windows.WindowsValues.copy;
import static dev.vigil.events.parse.windows.WindowsValues.copyExecutable;
import static dev.vigil.events.parse.windows.WindowsValues.copyHashes;
import static dev.vigil.events.parse.windows.WindowsValues.copyIp;
import static dev.vigil.events.parse.windows.WindowsValues.copyNumber;
import static dev.vigil.events.parse.windows.WindowsValues.copyPort;
import static dev.vigil.events.parse.windows.WindowsValues.copyQualifiedUser;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventFields;

/** Common-schema fields of Sysmon events: process, network, file, registry and DNS activity. */
final class SysmonEvents {
    private static final Map<String, EventClass> CLASSES = Map.of(
            "1", EventClass.of("process-created", "process", "start"),
            "3", new EventClass("network-connection", List.of("network"), List.of("connection", "start")),
            "5", EventClass.of("process-terminated", "process", "end"),
            "7", EventClass.of("image-loaded", "library", "start"),
            "11", EventClass.of("file-created", "file", "creation"),
            "12", EventClass.of("registry-key-created-or-deleted", "registry", "change"),
            "13", EventClass.of("registry-value-set", "registry", "change"),
            "14", EventClass.of("registry-key-renamed", "registry", "change"),
            "22", EventClass.of("dns-query", "network", "protocol"));

    private SysmonEvents() {
    }

    static void write(String eventId, EventFields fields) {
        EventClass eventClass = CLASSES.get(eventId);
        if (eventClass != null) {
            eventClass.writeTo(fields);
        }
        copyExecutable(fields, "Image", "process");
        copyNumber(fields, "ProcessId", "process.pid");
        copy(fields, "ProcessGuid", "process.entity_id");
        copyQualifiedUser(fields, "User");
        switch (eventId) {
            case "1" -> processCreated(fields);
            case "3" -> networkConnection(fields);
            case "7" -> copy(fields, "ImageLoaded", "dll.path");
            case "11" -> copy(fields, "TargetFilename", "file.path");
            case "12", "13", "14" -> copy(fields, "TargetObject", "registry.path");
            case "22" -> copy(fields, "QueryName", "dns.question.name");
            default -> {
            }
        }
    }

    private static void processCreated(EventFields fields) {
        copy(fields, "CommandLine", "process.command_line");
        copy(fields, "CurrentDirectory", "process.working_directory");
        copy(fields, "OriginalFileName", "process.pe.original_file_name");
        copyHashes(fields, "Hashes", "process");
        copyExecutable(fields, "ParentImage", "process.parent");
        copyNumber(fields, "ParentProcessId", "process.parent.pid");
        copy(fields, "ParentCommandLine", "process.parent.command_line");
        copy(fields, "ParentProcessGuid", "process.parent.entity_id");
    }

    private static void networkConnection(EventFields fields) {
        copyIp(fields, "SourceIp", "source.ip");
        copyPort(fields, "SourcePort", "source.port");
        copy(fields, "SourceHostname", "source.domain");
        copyIp(fields, "DestinationIp", "destination.ip");
        copyPort(fields, "DestinationPort", "destination.port");
        copy(fields, "DestinationHostname", "destination.domain");
        String protocol = fields.text("Protocol");
        fields.put("network.transport", protocol == null ? null : protocol.toLowerCase(Locale.ROOT));
    }
}
