package nl.maatwerk.server.engage.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.maatwerk.server.engage.JourneyDefinition;
import nl.maatwerk.server.engage.JourneyPreview;
import nl.maatwerk.server.engage.Journeys;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The journeys pages: the list with a YAML/JSON editor for a new journey, and one journey's page with its
 * definition (editable), steps, readability findings, SMS lengths, a synthetic preview, the kill switch, a dry run
 * (counts only) and its stats (drawn by {@code /js/journeys.js}).
 */
@Controller
class JourneyPageController {

    private final Journeys journeys;
    private final JourneyPreview previews;
    private final ObjectMapper json;

    JourneyPageController(Journeys journeys, JourneyPreview previews, ObjectMapper json) {
        this.journeys = journeys;
        this.previews = previews;
        this.json = json;
    }

    @GetMapping("/journeys")
    String list(Model model) {
        model.addAttribute("journeys", journeys.list());
        model.addAttribute("text", "");
        return "journeys";
    }

    @PostMapping("/journeys")
    String create(@RequestParam(defaultValue = "") String text, Model model) {
        try {
            Journeys.Journey created = journeys.create(JourneyBody.text(json, text));
            return "redirect:/journeys/" + created.key();
        } catch (ApiProblem problem) {
            model.addAttribute("journeys", journeys.list());
            model.addAttribute("text", text);
            problems(model, problem);
            return "journeys";
        }
    }

    @GetMapping("/journeys/{key}")
    String journey(@PathVariable String key, Model model, Locale locale) {
        Journeys.Journey journey = journeys.get(key);
        model.addAttribute("text", pretty(journey));
        fill(model, journey, locale);
        return "journey";
    }

    @PostMapping("/journeys/{key}")
    String update(@PathVariable String key, @RequestParam(defaultValue = "") String text, Model model, Locale locale) {
        try {
            journeys.update(key, JourneyBody.text(json, text));
            return "redirect:/journeys/" + key;
        } catch (ApiProblem problem) {
            model.addAttribute("text", text);
            problems(model, problem);
            fill(model, journeys.get(key), locale);
            return "journey";
        }
    }

    @PostMapping("/journeys/{key}/enabled")
    String enabled(@PathVariable String key, @RequestParam boolean enabled) {
        journeys.setEnabled(key, enabled);
        return "redirect:/journeys/" + key;
    }

    /** A dry run's counts (no persons on the page): a fragment for htmx. */
    @PostMapping("/journeys/{key}/dry-run")
    String dryRun(@PathVariable String key, Model model) {
        model.addAttribute("dry", journeys.dryRun(key, Instant.now(), 0));
        return "journey :: dryRun";
    }

    private void fill(Model model, Journeys.Journey journey, Locale locale) {
        model.addAttribute("journey", journey);
        JourneyDefinition d = null;
        try {
            d = journeys.check(journey.definition());
        } catch (ApiProblem e) {
            model.addAttribute("brokenProblem", e.getMessage() + " " + e.errors());
        }
        model.addAttribute("definition", d);
        if (d != null) {
            model.addAttribute("preview", previews.preview(journey.key(), null, locale));
        }
        model.addAttribute("stats", journeys.stats(journey.key()));
    }

    private static void problems(Model model, ApiProblem problem) {
        model.addAttribute("saveProblem", problem.getMessage());
        List<String> lines = problem.errors().stream().map(JourneyPageController::line).toList();
        model.addAttribute("fieldProblems", lines);
    }

    private static String line(FieldProblem p) {
        String where = p.pointer() == null ? "" : p.pointer().replaceFirst("^#", "");
        if (p.line() != null) {
            where += " (" + p.line() + ":" + p.column() + ")";
        }
        return (where.isEmpty() ? "" : where + ": ") + p.detail();
    }

    private String pretty(Journeys.Journey journey) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(journey.definition());
        } catch (JsonProcessingException e) {
            return journey.definition().toString();
        }
    }
}
