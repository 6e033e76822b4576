package nl.maatwerk.server.engage.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import nl.maatwerk.server.engage.Task;
import nl.maatwerk.server.engage.Tasks;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contact centre's task list over REST. The list leaves out who; reading one task is audit-logged. */
@RestController
@Tag(name = "Tasks", description = "Contact-centre tasks: call or write where the digital route did not work")
class TaskRestController {

    private final Tasks tasks;
    private final AuditLog audit;

    TaskRestController(Tasks tasks, AuditLog audit) {
        this.tasks = tasks;
        this.audit = audit;
    }

    /** A task in a list: no citizen, no context. */
    record Line(long id, String journeyKey, String action, String reason, String state, Instant createdAt) {
        static Line of(Task t) {
            return new Line(t.id(), t.journeyKey(), t.action(), t.reason(), t.state(), t.createdAt());
        }
    }

    @Operation(summary = "Tasks, newest first (?state=open|done, ?journey=); without personal data")
    @GetMapping("/api/v1/tasks")
    List<Line> list(@RequestParam(required = false) String state, @RequestParam(required = false) String journey,
            @RequestParam(defaultValue = "100") int limit) {
        return tasks.list(state, journey, limit).stream().map(Line::of).toList();
    }

    @Operation(summary = "One task with the citizen and context (why, which journey, what was sent); audit-logged")
    @GetMapping("/api/v1/tasks/{id}")
    Task get(@PathVariable long id, HttpServletRequest request) {
        Task task = tasks.get(id);
        audit.read(Requester.of(request), "proactive_service", task.citizenId(), List.of("contact_task", "journey_context"));
        return task;
    }

    @Operation(summary = "Mark a task done: {\"note\": \"gebeld, afspraak gemaakt\"}")
    @PostMapping("/api/v1/tasks/{id}/done")
    Task done(@PathVariable long id, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        String note = body == null || !body.hasNonNull("note") ? null : body.get("note").asText();
        return tasks.done(id, Requester.of(request).actor(), note, Instant.now());
    }
}
