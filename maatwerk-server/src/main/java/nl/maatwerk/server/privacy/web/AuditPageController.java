package nl.maatwerk.server.privacy.web;

import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.AuditQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The privacy officer's view of the read audit log: search by citizen, actor and days, paged. */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    /** The form's fields; Spring binds them from the query string. */
    record Form(String citizen, String actor, String from, String to, Integer page) {
    }

    @GetMapping("/privacy/audit")
    String search(@ModelAttribute("form") Form form, Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        AuditQuery query = new AuditSearch(form.citizen(), form.actor(), form.from(), form.to(), form.page(), PAGE_SIZE)
                .query(audit, problems);
        model.addAttribute("problems", problems);
        model.addAttribute("zone", AuditSearch.AMSTERDAM);
        if (query != null) {
            model.addAttribute("result", audit.search(query));
        }
        return "privacy-audit";
    }
}
