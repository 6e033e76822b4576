package nl.maatwerk.server.engage.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import nl.maatwerk.server.engage.Task;
import nl.maatwerk.server.engage.Tasks;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.profile.Citizens;
import nl.maatwerk.server.profile.DigitalAddresses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact centre's task list: open tasks without names or numbers, and one task with the citizen's context
 * (why, which journey, what was sent, how to reach them). Opening a task is recorded in the read audit log.
 */
@Controller
class TaskPageController {

    private final Tasks tasks;
    private final Citizens citizens;
    private final DigitalAddresses addresses;
    private final AuditLog audit;
    private final ObjectMapper json;

    TaskPageController(Tasks tasks, Citizens citizens, DigitalAddresses addresses, AuditLog audit, ObjectMapper json) {
        this.tasks = tasks;
        this.citizens = citizens;
        this.addresses = addresses;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(defaultValue = "open") String state, Model model) {
        model.addAttribute("state", state);
        model.addAttribute("tasks", tasks.list(state.equals("all") ? null : state, null, 200));
        return "tasks";
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable long id, Model model, HttpServletRequest request) throws JsonProcessingException {
        Task task = tasks.get(id);
        model.addAttribute("task", task);
        model.addAttribute("citizen", citizens.find(task.citizenId()).orElse(null));
        model.addAttribute("addresses", addresses.find(task.citizenId()).orElse(null));
        model.addAttribute("context", json.readTree(task.context()));
        audit.read(Requester.of(request), "proactive_service", task.citizenId(),
                List.of("contact_task", "journey_context", "identification", "address", "contact_preferences"));
        return "task";
    }

    @PostMapping("/tasks/{id}/done")
    String done(@PathVariable long id, @RequestParam(defaultValue = "") String note, HttpServletRequest request) {
        tasks.done(id, Requester.of(request).actor(), note, Instant.now());
        return "redirect:/tasks";
    }
}
