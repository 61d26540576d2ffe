package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class WindowsEventTest {

    @Test
    void successfulLogonInEvtxDumpShape() {
        Event event = ParsedEvents.json(evtx(4624, "Security", "Microsoft-Windows-Security-Auditing", """
                {"SubjectUserSid":"S-1-5-18","SubjectUserName":"DC01$","TargetUserSid":"S-1-5-21-1-2-3-1104",
                 "TargetUserName":"jdoe","TargetDomainName":"CORP","TargetLogonId":"0x3e7a1","LogonType":10,
                 "WorkstationName":"WS-17","IpAddress":"192.0.2.50","IpPort":"50123",
                 "ProcessName":"C:\\\\Windows\\\\System32\\\\svchost.exe","ProcessId":"0x2f4"}"""));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T08:30:00.123456Z"));
        assertThat(event.fields()).contains(
                entry("EventID", 4624L),
                entry("Channel", "Security"),
                entry("Computer", "dc01.corp.example"),
                entry("Provider_Name", "Microsoft-Windows-Security-Auditing"),
                entry("TimeCreated_SystemTime", "2026-03-29T08:30:00.123456Z"),
                entry("EventID_Qualifiers", 0L),
                entry("TargetUserName", "jdoe"),
                entry("LogonType", 10L),
                entry("event.code", "4624"),
                entry("event.provider", "Microsoft-Windows-Security-Auditing"),
                entry("winlog.channel", "Security"),
                entry("host.name", "dc01.corp.example"),
                entry("event.action", "logged-in"),
                entry("event.category", List.of("authentication")),
                entry("event.outcome", "success"),
                entry("event.dataset", "windows.security"),
                entry("user.name", "jdoe"),
                entry("user.domain", "CORP"),
                entry("user.id", "S-1-5-21-1-2-3-1104"),
                entry("source.ip", "192.0.2.50"),
                entry("source.port", 50123L),
                entry("winlog.logon.type", "RemoteInteractive"),
                entry("process.executable", "C:\\Windows\\System32\\svchost.exe"),
                entry("process.name", "svchost.exe"),
                entry("process.pid", 756L));
        assertThat(event.fields()).doesNotContainKeys("Event.System.EventID", "xmlns", "@timestamp");
    }

    @Test
    void failedLogonWithoutAddress() {
        Event event = ParsedEvents.json(evtx(4625, "Security", "Microsoft-Windows-Security-Auditing", """
                {"TargetUserName":"administrator","TargetDomainName":"CORP","Status":"0xc000006d",
                 "LogonType":3,"IpAddress":"-","IpPort":"0"}"""));

        assertThat(event.fields()).contains(entry("event.action", "logon-failed"), entry("event.outcome", "failure"),
                entry("user.name", "administrator"), entry("Status", "0xc000006d"), entry("IpAddress", "-"),
                entry("winlog.logon.type", "Network"));
        assertThat(event.fields()).doesNotContainKeys("source.ip", "source.port");
    }

    @Test
    void processCreationWithHexProcessIds() {
        Event event = ParsedEvents.json(evtx(4688, "Security", "Microsoft-Windows-Security-Auditing", """
                {"SubjectUserName":"jdoe","SubjectDomainName":"CORP","NewProcessId":"0x1a2c",
                 "NewProcessName":"C:\\\\Windows\\\\System32\\\\cmd.exe","ProcessId":"0x9f0",
                 "CommandLine":"cmd.exe /c whoami","ParentProcessName":"C:\\\\Windows\\\\explorer.exe"}"""));

        assertThat(event.fields()).contains(
                entry("event.action", "created-process"),
                entry("event.category", List.of("process")),
                entry("event.type", List.of("start")),
                entry("process.executable", "C:\\Windows\\System32\\cmd.exe"),
                entry("process.name", "cmd.exe"),
                entry("process.pid", 6700L),
                entry("process.command_line", "cmd.exe /c whoami"),
                entry("process.parent.executable", "C:\\Windows\\explorer.exe"),
                entry("process.parent.pid", 2544L),
                entry("user.name", "jdoe"),
                entry("NewProcessName", "C:\\Windows\\System32\\cmd.exe"));
    }

    @Test
    void userAccountCreated() {
        Event event = ParsedEvents.json(evtx(4720, "Security", "Microsoft-Windows-Security-Auditing", """
                {"TargetUserName":"backdoor","TargetDomainName":"CORP","TargetSid":"S-1-5-21-1-2-3-1200",
                 "SubjectUserName":"admin"}"""));

        assertThat(event.fields()).contains(entry("event.action", "added-user-account"),
                entry("event.category", List.of("iam")), entry("event.type", List.of("user", "creation")),
                entry("user.name", "backdoor"), entry("user.id", "S-1-5-21-1-2-3-1200"));
    }

    @Test
    void sysmonNetworkConnection() {
        Event event = ParsedEvents.json(evtx(3, "Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-Sysmon", """
                {"Image":"C:\\\\Tools\\\\nc.exe","ProcessId":4321,"User":"CORP\\\\jdoe","Protocol":"tcp",
                 "SourceIp":"10.0.0.12","SourcePort":49822,"DestinationIp":"203.0.113.80","DestinationPort":4444,
                 "DestinationHostname":"-"}"""));

        assertThat(event.fields()).contains(
                entry("event.action", "network-connection"),
                entry("event.category", List.of("network")),
                entry("event.dataset", "windows.sysmon"),
                entry("source.ip", "10.0.0.12"),
                entry("source.port", 49822L),
                entry("destination.ip", "203.0.113.80"),
                entry("destination.port", 4444L),
                entry("network.transport", "tcp"),
                entry("process.executable", "C:\\Tools\\nc.exe"),
                entry("process.pid", 4321L),
                entry("user.name", "jdoe"),
                entry("user.domain", "CORP"));
        assertThat(event.fields()).doesNotContainKey("destination.domain");
    }

    @Test
    void winlogbeatDocumentGetsWindowsNames() {
        Event event = ParsedEvents.json("""
                {"@timestamp":"2026-03-29T09:00:00.000Z","event":{"code":"1","kind":"event",
                 "provider":"Microsoft-Windows-Sysmon","action":"Process Create (rule: ProcessCreate)"},
                 "host":{"name":"ws-17"},"process":{"command_line":"powershell -enc AAAA"},
                 "winlog":{"channel":"Microsoft-Windows-Sysmon/Operational","event_id":"1",
                 "provider_name":"Microsoft-Windows-Sysmon","computer_name":"ws-17.corp.example","record_id":99,
                 "process":{"pid":2600,"thread":{"id":3400}},
                 "event_data":{"Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                 "CommandLine":"powershell -enc AAAA","ParentImage":"C:\\\\Windows\\\\explorer.exe","ProcessId":"7000",
                 "User":"CORP\\\\jdoe"}}}""");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T09:00:00Z"));
        assertThat(event.fields()).contains(
                entry("EventID", 1L),
                entry("Channel", "Microsoft-Windows-Sysmon/Operational"),
                entry("Provider_Name", "Microsoft-Windows-Sysmon"),
                entry("Computer", "ws-17.corp.example"),
                entry("EventRecordID", 99L),
                entry("Execution_ProcessID", 2600L),
                entry("Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"),
                entry("CommandLine", "powershell -enc AAAA"),
                entry("winlog.event_data.CommandLine", "powershell -enc AAAA"),
                entry("event.action", "Process Create (rule: ProcessCreate)"),
                entry("host.name", "ws-17"),
                entry("process.command_line", "powershell -enc AAAA"),
                entry("process.parent.executable", "C:\\Windows\\explorer.exe"),
                entry("process.pid", 7000L),
                entry("event.dataset", "windows.sysmon"));
        assertThat(event.fields()).doesNotContainKey("@timestamp");
    }

    @Test
    void flatEventWithSigmaNames() {
        Event event = ParsedEvents.json("{\"EventID\":4688,\"Channel\":\"Security\",\"Computer\":\"srv\","
                + "\"NewProcessName\":\"C:\\\\x.exe\",\"CommandLine\":\"x.exe -a\",\"TimeCreated_SystemTime\":"
                + "\"2026-03-29T07:00:00Z\"}");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(event.fields()).contains(entry("EventID", 4688L), entry("host.name", "srv"),
                entry("process.executable", "C:\\x.exe"), entry("process.command_line", "x.exe -a"));
    }

    /** An evtx_dump document as the Sigma regression samples render .evtx records. */
    private static String evtx(int eventId, String channel, String provider, String eventData) {
        return """
                {"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},
                 "System":{"Provider":{"#attributes":{"Name":"%s","Guid":"{54849625-5478-4994-A5BA-3E3B0328C30D}"}},
                 "EventID":{"#attributes":{"Qualifiers":0},"#text":%d},"Version":2,"Level":0,"Task":12544,
                 "Keywords":"0x8020000000000000","TimeCreated":{"#attributes":{"SystemTime":"2026-03-29T08:30:00.123456Z"}},
                 "EventRecordID":5550001,"Correlation":null,"Execution":{"#attributes":{"ProcessID":640,"ThreadID":700}},
                 "Channel":"%s","Computer":"dc01.corp.example","Security":null},
                 "EventData":%s}}""".formatted(provider, eventId, channel, eventData);
    }
}
