package nl.maatwerk.server.analytics;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * E-mails a bulletin over SMTP ({@code spring.mail.*}) to {@code maatwerk.bulletin.recipients}: HTML with a
 * plain-text alternative, and the PDF attached. Without an SMTP server or recipients nothing is sent.
 */
@Component
class BulletinMail {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final ObjectProvider<JavaMailSender> sender;
    private final SpringTemplateEngine templates;
    private final BulletinPdf pdf;
    private final BulletinWords words;
    private final MessageSource messages;
    private final List<String> recipients;
    private final String from;
    private final String publicUrl;

    BulletinMail(ObjectProvider<JavaMailSender> sender, SpringTemplateEngine templates, BulletinPdf pdf, BulletinWords words,
            MessageSource messages, @Value("${maatwerk.bulletin.recipients:}") String recipients,
            @Value("${maatwerk.bulletin.from:tamtam@maatwerk.local}") String from,
            @Value("${maatwerk.public-url:http://localhost:8080}") String publicUrl) {
        this.sender = sender;
        this.templates = templates;
        this.pdf = pdf;
        this.words = words;
        this.messages = messages;
        this.recipients = Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.from = from;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    boolean hasRecipients() {
        return !recipients.isEmpty() && sender.getIfAvailable() != null;
    }

    List<String> send(BulletinReport report) {
        JavaMailSender mailer = sender.getObject();
        MimeMessage message = mailer.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(messages.getMessage("bulletin.title", new Object[] {report.week().toString()}, DUTCH));
            helper.setText(text(report), html(report));
            helper.addAttachment("tamtam-" + report.week() + ".pdf", new ByteArrayResource(pdf.render(report, DUTCH)),
                    "application/pdf");
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the bulletin e-mail: " + e.getMessage(), e);
        }
        mailer.send(message);
        return recipients;
    }

    private String html(BulletinReport report) {
        Context context = new Context(DUTCH);
        context.setVariable("report", report);
        context.setVariable("base", publicUrl);
        context.setVariable("words", words);
        return templates.process("mail/bulletin", context);
    }

    private String text(BulletinReport report) {
        StringBuilder text = new StringBuilder(messages.getMessage("bulletin.title", new Object[] {report.week().toString()}, DUTCH))
                .append("\n\n");
        if (report.quiet()) {
            text.append(messages.getMessage("bulletin.quiet", null, DUTCH)).append('\n');
        }
        int n = 1;
        for (BulletinItem item : report.items()) {
            text.append(n++).append(". ").append(words.heading(item, DUTCH)).append(" - ").append(words.subject(item, DUTCH))
                    .append(": ").append(words.finding(item, report.k(), DUTCH)).append(' ')
                    .append(words.certainty(item, DUTCH)).append("\n   ").append(publicUrl).append(item.link()).append("\n");
        }
        return text.append('\n').append(messages.getMessage("bulletin.method", null, DUTCH)).append('\n').toString();
    }
}
