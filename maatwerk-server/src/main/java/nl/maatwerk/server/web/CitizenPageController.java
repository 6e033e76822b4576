package nl.maatwerk.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.server.contact.Contacts;
import nl.maatwerk.server.profile.Citizen;
import nl.maatwerk.server.privacy.AttributeRegister;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.profile.Citizens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The contact centre's 360° view of one citizen: profile, documents, cases and the contact timeline. */
@Controller
class CitizenPageController {

    private static final int PAGE_SIZE = 20;

    /** The purpose this page serves; it shows only attributes registered for it. */
    private static final String PURPOSE = "service_delivery";

    private final Citizens citizens;
    private final Contacts contacts;
    private final AttributeRegister register;
    private final AuditLog audit;

    CitizenPageController(Citizens citizens, Contacts contacts, AttributeRegister register, AuditLog audit) {
        this.citizens = citizens;
        this.contacts = contacts;
        this.register = register;
        this.audit = audit;
    }

    @GetMapping("/citizens")
    String search(@RequestParam(required = false) String q, Model model) {
        if (q == null || q.isBlank()) {
            return "citizen-search";
        }
        String query = q.strip();
        Optional<Citizen> found = Bsn.isValid(query) ? citizens.findByBsn(query) : parseUuid(query).flatMap(citizens::find);
        if (found.isPresent()) {
            return "redirect:/citizens/" + found.get().id();
        }
        model.addAttribute("q", query);
        model.addAttribute("notFound", true);
        return "citizen-search";
    }

    @GetMapping("/citizens/{id}")
    String citizen(@PathVariable UUID id, Model model, HttpServletRequest request) {
        Citizen citizen = citizens.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("citizen", citizen);
        model.addAttribute("shownAttributes", register.all().stream()
                .filter(a -> !a.hasSpecialCategory() && a.purposes().contains(PURPOSE)).map(a -> a.name()).toList());
        model.addAttribute("documents", citizens.travelDocuments(id));
        model.addAttribute("cases", citizens.cases(id));
        model.addAttribute("contacts", contacts.ofCitizen(id, 0, PAGE_SIZE));
        model.addAttribute("today", java.time.LocalDate.now());
        audit.read(Requester.of(request), PURPOSE, id,
                List.of("identification", "address", "household", "attributes", "documents", "cases", "contact_history"));
        return "citizen";
    }

    /** The next page of the timeline, as a fragment for htmx, or the whole page otherwise. */
    @GetMapping("/citizens/{id}/contacts")
    String timeline(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, HttpServletRequest request) {
        if (htmx == null) {
            return "redirect:/citizens/" + id;
        }
        citizens.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("citizenId", id);
        model.addAttribute("contacts", contacts.ofCitizen(id, Math.max(page, 0), PAGE_SIZE));
        audit.read(Requester.of(request), PURPOSE, id, List.of("contact_history"));
        return "fragments/timeline :: rows";
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
