package nl.maatwerk.server.rights.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.privacy.Retention;
import nl.maatwerk.server.rights.PrivacyRequest;
import nl.maatwerk.server.rights.PrivacyRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The privacy officer's page: file an access or erasure request, see the latest ones and download exports. */
@Controller
class PrivacyRequestPageController {

    private final PrivacyRequests requests;
    private final Retention retention;

    PrivacyRequestPageController(PrivacyRequests requests, Retention retention) {
        this.requests = requests;
        this.retention = retention;
    }

    /** The form's fields. */
    record Form(String type, String citizen, String reason) {
    }

    @GetMapping("/privacy/requests")
    String page(@RequestParam(required = false) UUID filed, Model model) {
        model.addAttribute("form", new Form("access", "", ""));
        return show(model, filed == null ? null : requests.get(filed), List.of());
    }

    @PostMapping("/privacy/requests")
    String file(@ModelAttribute("form") Form form, Model model, HttpServletRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", form.type());
        String who = form.citizen() == null ? "" : form.citizen().strip();
        if (Bsn.isValid(who)) {
            body.put("bsn", who);
        } else {
            body.put("citizenId", who);
        }
        if (form.reason() != null && !form.reason().isBlank()) {
            body.put("reason", form.reason().strip());
        }
        try {
            PrivacyRequest filed = requests.file(body, Requester.of(request));
            return "redirect:/privacy/requests?filed=" + filed.id();
        } catch (ApiProblem problem) {
            return show(model, null, problem.errors().isEmpty() ? List.of(problem.getMessage())
                    : problem.errors().stream().map(e -> e.detail()).toList());
        }
    }

    private String show(Model model, PrivacyRequest filed, List<String> problems) {
        model.addAttribute("filed", filed);
        model.addAttribute("problems", problems);
        model.addAttribute("requests", requests.latest(100));
        model.addAttribute("retentionRules", retention.rules());
        model.addAttribute("retentionRuns", retention.runs(10));
        model.addAttribute("zone", java.time.ZoneId.of("Europe/Amsterdam"));
        return "privacy-requests";
    }
}
