package nl.maatwerk.server.engage;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.RenderedEmail;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.web.util.HtmlUtils;

/**
 * E-mail over SMTP (Jakarta Mail): HTML with a plain-text alternative. The idempotency key travels as the header
 * {@code X-Maatwerk-Idempotency-Key} and inside the Message-ID, so the receiving side can drop a copy sent again after
 * a crash. A 250 after DATA counts as delivered (the relay took responsibility); a bounce the relay returns later is
 * read back by {@link BounceMailbox} and makes it a permanent failure. A 5xx reply is permanent, a 4xx reply or a
 * broken connection temporary. Each dispatcher thread keeps its own connection open between messages.
 */
final class SmtpProvider implements DeliveryProvider {

    static final String KEY_HEADER = "X-Maatwerk-Idempotency-Key";

    private final DeliverySettings.Email settings;
    private final Session session;
    private final ThreadLocal<Transport> connections = new ThreadLocal<>();

    SmtpProvider(DeliverySettings.Email settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", Long.toString(settings.timeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        props.put("mail.smtp.auth", Boolean.toString(!settings.username().isEmpty()));
        if (!settings.bounces().returnPath().isBlank()) {
            props.put("mail.smtp.from", settings.bounces().returnPath());   // bounces go to the bounce mailbox
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean ready() {
        return !settings.host().isBlank();
    }

    @Override
    public DeliveryOutcome send(QueuedMessage message) {
        String messageId = "<" + UUID.nameUUIDFromBytes(message.idempotencyKey().getBytes(StandardCharsets.UTF_8))
                + "@maatwerk.outbox>";
        MimeMessage mail;
        try {
            mail = compose(message, messageId);
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            return new DeliveryOutcome.Permanent("cannot compose e-mail: " + e.getMessage());
        }
        try {
            Transport transport = connection();
            transport.sendMessage(mail, mail.getAllRecipients());
            return new DeliveryOutcome.Accepted(messageId, true);
        } catch (MessagingException e) {
            close();
            int code = replyCode(e);
            String reason = "SMTP " + (code > 0 ? code + " " : "") + oneLine(e);
            return code >= 500 ? new DeliveryOutcome.Permanent(reason) : new DeliveryOutcome.Temporary(reason, null);
        }
    }

    private MimeMessage compose(QueuedMessage message, String messageId)
            throws MessagingException, UnsupportedEncodingException {
        RenderedEmail email = (RenderedEmail) message.body();
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mail.setSubject(email.subject(), "UTF-8");
        mail.setSentDate(new Date());
        mail.setHeader(KEY_HEADER, message.idempotencyKey());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.plainText(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(htmlDocument(email), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        mail.setContent(alternative);
        mail.saveChanges();
        return mail;
    }

    /** The rendered fragment inside a minimal, self-contained HTML document. */
    static String htmlDocument(RenderedEmail email) {
        return "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(email.subject())
                + "</title></head><body style=\"font-family:Arial,sans-serif;max-width:40em\">" + email.html() + "</body></html>";
    }

    private Transport connection() throws MessagingException {
        Transport transport = connections.get();
        if (transport == null || !transport.isConnected()) {
            transport = session.getTransport("smtp");
            if (settings.username().isEmpty()) {
                transport.connect();
            } else {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            }
            connections.set(transport);
        }
        return transport;
    }

    private void close() {
        Transport transport = connections.get();
        connections.remove();
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is broken already
            }
        }
    }

    /** The SMTP reply code in the failure, or 0 when there was no reply (connection refused, timeout). */
    static int replyCode(Exception e) {
        for (Throwable t = e; t != null; ) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                t = m.getNextException();
            } else {
                t = t.getCause() == t ? null : t.getCause();
            }
        }
        return 0;
    }

    private static String oneLine(Exception e) {
        String text = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
