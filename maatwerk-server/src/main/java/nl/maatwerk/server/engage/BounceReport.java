package nl.maatwerk.server.engage;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;

/**
 * What one mail in the bounce mailbox says about our e-mail: a delivery status notification (RFC 3464,
 * {@code multipart/report; report-type=delivery-status}) read with Angus's DSN support. Only a recipient with
 * {@code Action: failed} makes it a bounce; the original is recognised by our key header in the returned message or
 * headers, else by its Message-ID (also looked for in the report's In-Reply-To and References).
 */
sealed interface BounceReport {

    /** A recipient failed: the relay gave up on the message. */
    record Failed(String status, String diagnostic, Set<String> keys, Set<String> messageIds)
            implements BounceReport {

        /** A 4.x.x status with {@code Action: failed}: the relay retried until it gave up. */
        boolean soft() {
            return status != null && status.startsWith("4");
        }

        /** "bounced: 5.1.1 user unknown", or "bounced, the relay gave up: 4.4.7 …" for a soft bounce. */
        String reason() {
            String text = REASON_PREFIX + (soft() ? ", the relay gave up: " : ": ")
                    + (status == null ? "" : status + " ") + (diagnostic == null ? "" : diagnostic);
            text = text.strip();
            return text.length() > 300 ? text.substring(0, 300) : text;
        }
    }

    /** A report that changes nothing: {@code delayed}, {@code delivered}, {@code relayed}, {@code expanded}. */
    record NotFailed(String action) implements BounceReport {
    }

    /** Not a delivery report at all: an auto-reply, a read receipt, spam. */
    record NotAReport(String contentType) implements BounceReport {
    }

    /** Says it is a delivery report but cannot be read as one. */
    record Unreadable(String why) implements BounceReport {
    }

    String REASON_PREFIX = "bounced";
    Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
    Pattern ADDRESS = Pattern.compile("<?[^\\s<>;:,]+@[^\\s<>;:,]+>?");

    static BounceReport read(Message message) {
        try {
            String contentType = message.getContentType();
            if (!message.isMimeType("multipart/report")) {
                return new NotAReport(contentType);
            }
            if (!"delivery-status".equalsIgnoreCase(new ContentType(contentType).getParameter("report-type"))) {
                return new NotAReport(contentType);
            }
            // a copy in memory: one fetch, and parsed the same way whatever the IMAP server's body structure says
            MimeMessage copy = message instanceof MimeMessage m ? new MimeMessage(m) : null;
            Object content = copy == null ? null : copy.getContent();
            if (!(content instanceof MultipartReport report)) {
                return new Unreadable("multipart/report not parsed as a report: " + content);
            }
            DeliveryStatus status = report.getDeliveryStatus();
            if (status == null) {
                return new Unreadable("no message/delivery-status part");
            }
            InternetHeaders failed = null;
            String action = null;
            for (int i = 0; i < status.getRecipientDSNCount(); i++) {
                InternetHeaders recipient = status.getRecipientDSN(i);
                String a = field(recipient, "Action");
                if (a != null && a.toLowerCase(Locale.ROOT).startsWith("failed")) {
                    failed = recipient;
                    break;
                }
                action = action == null ? a : action;
            }
            if (failed == null) {
                return status.getRecipientDSNCount() == 0 ? new Unreadable("no recipient in the delivery status")
                        : new NotFailed(action);
            }
            return new Failed(status(field(failed, "Status")), diagnostic(field(failed, "Diagnostic-Code")), keys(report),
                    messageIds(copy, report));
        } catch (MessagingException | IOException | RuntimeException e) {
            return new Unreadable(e.toString());
        }
    }

    private static Set<String> keys(MultipartReport report) {
        Set<String> keys = new LinkedHashSet<>();
        MimeMessage returned = returned(report);
        if (returned != null) {
            try {
                String[] values = returned.getHeader(SmtpProvider.KEY_HEADER);
                if (values != null) {
                    for (String v : values) {
                        keys.add(v.strip());
                    }
                }
            } catch (MessagingException ignored) {
                // no returned headers to read: the Message-ID may still match
            }
        }
        return keys;
    }

    private static Set<String> messageIds(MimeMessage dsn, MultipartReport report) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>();
        MimeMessage returned = returned(report);
        if (returned != null) {
            ids(returned.getHeader("Message-ID"), ids);
        }
        ids(dsn.getHeader("In-Reply-To"), ids);
        ids(dsn.getHeader("References"), ids);
        return ids;
    }

    private static void ids(String[] values, Set<String> into) {
        if (values != null) {
            for (String v : values) {
                Matcher m = MESSAGE_ID.matcher(v);
                while (m.find()) {
                    into.add(m.group());
                }
            }
        }
    }

    /** The returned message or its headers ({@code message/rfc822} or {@code text/rfc822-headers}), or null. */
    private static MimeMessage returned(MultipartReport report) {
        try {
            return report.getReturnedMessage();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, " ");
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }

    private static String status(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = STATUS.matcher(field);
        return m.find() ? m.group(1) : null;
    }

    /**
     * "smtp; 550 5.1.1 &lt;jan@example.nl&gt;: user unknown" → "(address): user unknown": the type, reply code and
     * repeated status left out, addresses masked.
     */
    static String diagnostic(String field) {
        if (field == null) {
            return null;
        }
        String text = field.replaceFirst("^[A-Za-z-]+\\s*;\\s*", "");
        text = text.replaceFirst("^\\d{3}([ -]|$)", "").strip();
        text = text.replaceFirst("^[245]\\.\\d{1,3}\\.\\d{1,3}\\s*", "").strip();
        text = ADDRESS.matcher(text).replaceAll("(address)");   // the list page shows reasons, never recipients
        return text.isEmpty() ? null : text;
    }
}
