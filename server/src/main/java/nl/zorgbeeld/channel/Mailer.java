package nl.zorgbeeld.channel;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Properties;

/** The e-mail channel: plain text, with the CAP document attached, through the configured SMTP server (Jakarta Mail). */
final class Mailer {
    private static final String TIMEOUT_MS = "15000";

    private final MailSettings config;
    private final Session session;

    Mailer(MailSettings config) {
        this.config = config;
        this.session = config.host() == null ? null : session(config);
    }

    private static Session session(MailSettings config) {
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.put("mail.smtp.timeout", TIMEOUT_MS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MS);
        if (config.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (config.user() == null) return Session.getInstance(p);
        p.put("mail.smtp.auth", "true");
        String ref = config.passwordRef();
        String password = ref == null ? "" : System.getenv().getOrDefault(ref, System.getProperty(ref, ""));
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.user(), password);
            }
        });
    }

    /** @throws MessagingException when the server refuses or cannot be reached; IllegalStateException when none is configured */
    void send(String to, Message message) throws MessagingException {
        if (session == null) throw new IllegalStateException("no mail server is configured (ZORGBEELD_SMTP_HOST)");
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(config.from()));
        mail.setRecipients(RecipientType.TO, InternetAddress.parse(to, true));
        mail.setSubject(message.subject(), "UTF-8");
        mail.setHeader("X-Zorgbeeld-Event", message.event());
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        parts.addBodyPart(text);
        if (message.attachment() != null) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(message.attachment(), message.attachmentType())));
            attachment.setFileName(message.attachmentName());
            parts.addBodyPart(attachment);
        }
        mail.setContent(parts);
        Transport.send(mail);
    }
}
