package nl.maatwerk.server.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.AuditPage;
import nl.maatwerk.server.privacy.AuditQuery;
import nl.maatwerk.server.privacy.ChainVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditRestController {

    private final AuditLog audit;

    AuditRestController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Search the read audit log, newest first",
            description = "citizenId (UUID) or bsn, actor, from and to (days in Dutch time, both included), page, size "
                    + "(at most 500). For the privacy officer; not yet behind a role.")
    @GetMapping
    AuditPage search(@RequestParam(required = false) String citizenId, @RequestParam(required = false) String bsn,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (citizenId != null && bsn != null) {
            problems.add(FieldProblem.atParameter("bsn", "give citizenId or bsn, not both"));
        }
        AuditQuery query = new AuditSearch(citizenId != null ? citizenId : bsn, actor, from, to, page, size)
                .query(audit, problems);
        if (query == null) {
            throw ApiProblem.invalid(problems);
        }
        return audit.search(query);
    }

    @Operation(summary = "Walk the hash chain: OK with the number of entries, or the first broken entry")
    @GetMapping("/verification")
    ChainVerification verify() {
        return audit.verify();
    }
}
