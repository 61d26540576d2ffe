package dev.vigil.bastion.gateway;

import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.server.session.ServerSession;

/**
 * A granted {@code ssh -A}: set on the upstream connection of the shell or exec channel that asked for it, so that the
 * {@code auth-agent@openssh.com} channels the target opens there are relayed to the operator's client (whose agent
 * signs; the gateway never holds the operator's keys). Each such channel is authorised again with {@code request}.
 *
 * @param operatorSession the operator's connection to the gateway
 * @param request         the {@code agent-forward} channel as it was granted
 * @param forSession      the shell or exec session that asked for it
 */
record AgentForwarding(ServerSession operatorSession, ChannelRequest request, String forSession) {

    static final AttributeRepository.AttributeKey<AgentForwarding> KEY = new AttributeRepository.AttributeKey<>();
}
