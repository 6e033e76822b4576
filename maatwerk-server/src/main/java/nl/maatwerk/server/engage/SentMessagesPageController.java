package nl.maatwerk.server.engage;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.LetterContent;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Verzonden berichten": the outbox as pages. The list shows no personal data (no recipient, no content); opening a
 * message shows its recipient and content, and is recorded in the audit log, as are the e-mail and letter views.
 */
@Controller
class SentMessagesPageController {

    static final int PAGE_SIZE = 50;
    private static final String PURPOSE = "service_delivery";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final OutboxStore store;
    private final DeliveryProviders providers;
    private final AuditLog audit;

    SentMessagesPageController(OutboxStore store, DeliveryProviders providers, AuditLog audit) {
        this.store = store;
        this.providers = providers;
        this.audit = audit;
    }

    @GetMapping("/messages")
    String list(@RequestParam(required = false) String channel, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Channel c = parse(channel, Channel.class);
        MessageStatus s = parse(status, MessageStatus.class);
        int p = Math.max(0, page);
        List<SentMessage> messages = store.list(c, s, p * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("messages", messages.size() > PAGE_SIZE ? messages.subList(0, PAGE_SIZE) : messages);
        model.addAttribute("more", messages.size() > PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("channel", c == null ? "" : c.code());
        model.addAttribute("status", s == null ? "" : OutboxStore.code(s));
        model.addAttribute("channels", List.of(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.APP, Channel.LETTER));
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("zone", ZONE);
        return "messages";
    }

    @GetMapping("/messages/{id:\\d+}")
    String message(@PathVariable long id, HttpServletRequest request, Model model) {
        SentMessage message = find(id);
        read(message, request);
        model.addAttribute("m", message);
        model.addAttribute("history", store.history(id));
        model.addAttribute("zone", ZONE);
        return "message";
    }

    /** The e-mail as the citizen's mail program shows it; served sandboxed (no scripts, no same origin). */
    @GetMapping(path = "/messages/{id:\\d+}/email.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> email(@PathVariable long id, HttpServletRequest request) {
        SentMessage message = find(id);
        if (!(message.body() instanceof RenderedEmail email)) {
            throw ApiProblem.notFound("Message " + id + " is not an e-mail");
        }
        read(message, request);
        return ResponseEntity.ok().header("Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .contentType(MediaType.TEXT_HTML).body(SmtpProvider.htmlDocument(email));
    }

    @GetMapping(path = "/messages/{id:\\d+}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id, HttpServletRequest request) {
        SentMessage message = find(id);
        if (!(message.body() instanceof LetterContent letter)) {
            throw ApiProblem.notFound("Message " + id + " is not a letter");
        }
        read(message, request);
        byte[] pdf = providers.letters().render(letter, "MW-" + id).pdf();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"brief-" + id + ".pdf\"").body(pdf);
    }

    private SentMessage find(long id) {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("No message " + id));
    }

    private void read(SentMessage message, HttpServletRequest request) {
        audit.read(Requester.of(request), PURPOSE, message.citizenId(),
                List.of("contact_preferences", message.channel() == Channel.LETTER ? "address" : "message_content"));
    }

    private static <E extends Enum<E>> E parse(String code, Class<E> type) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
