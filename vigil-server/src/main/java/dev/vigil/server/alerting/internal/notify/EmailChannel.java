package dev.vigil.server.alerting.internal.notify;

import java.security.GeneralSecurityException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.vigil.server.alerting.ChannelConfig;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP to the channel's smarthost, with STARTTLS required unless the channel says otherwise; SMTP 4xx
 * answers and connection problems are temporary, 5xx answers and bad addresses permanent.
 */
@Component
class EmailChannel implements Channel {

    @Override
    public boolean serves(String type) {
        return type.equals("email");
    }

    @Override
    public SendResult send(NotificationMessage message, ChannelConfig config) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        int colon = config.smarthost().lastIndexOf(':');
        sender.setHost(config.smarthost().substring(0, colon));
        sender.setPort(Integer.parseInt(config.smarthost().substring(colon + 1)));
        if (config.username() != null && !config.username().isEmpty()) {
            sender.setUsername(config.username());
            sender.setPassword(config.password());
        }
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(config.username() != null && !config.username().isEmpty()));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", String.valueOf(config.tlsRequired()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        try {
            if (config.caCertificate() != null && !config.caCertificate().isBlank()) {
                properties.put("mail.smtp.ssl.socketFactory", PemCertificates.trusting(config.caCertificate()).getSocketFactory());
            }
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(config.from());
            helper.setTo(config.to().toArray(String[]::new));
            helper.setSubject(message.subject());
            helper.setText(message.text());
            sender.send(mime);
            return SendResult.sent("accepted by " + config.smarthost());
        } catch (MailAuthenticationException e) {
            return SendResult.permanent("authentication refused by " + config.smarthost() + ": " + e.getMessage());
        } catch (MailSendException e) {
            return classify(e);
        } catch (MailException | MessagingException e) {
            return SendResult.temporary(e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return SendResult.permanent("the channel's CA certificate cannot be used: " + e.getMessage());
        }
    }

    /** SMTP answers start with their code: 4xx is worth retrying, 5xx is not. */
    private static SendResult classify(MailSendException e) {
        for (Exception cause : e.getFailedMessages().values()) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                Matcher code = SMTP_CODE.matcher(t.getMessage() == null ? "" : t.getMessage().strip());
                if (code.lookingAt()) {
                    int value = Integer.parseInt(code.group(1));
                    String detail = "SMTP " + t.getMessage().strip();
                    return value >= 500 ? SendResult.permanent(detail) : SendResult.temporary(detail);
                }
            }
        }
        return SendResult.temporary(e.getMessage());
    }

    private static final Pattern SMTP_CODE = Pattern.compile("([45]\\d\\d)[ -]");
}
