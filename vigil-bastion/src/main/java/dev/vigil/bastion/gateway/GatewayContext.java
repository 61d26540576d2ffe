package dev.vigil.bastion.gateway;

/** What every channel of the gateway needs: the ports, the upstream client, the live-session registry, the settings. */
record GatewayContext(GatewaySettings settings, AccessBroker broker, CredentialSource credentials, SessionSink sink,
        UpstreamConnector upstream, LiveSessions live, CommandPolicySource policies, CommandApprovals approvals) {
}
