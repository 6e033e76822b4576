package nl.maatwerk.server.segment.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.segment.SegmentCount;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.segment.Segments;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The segment builder: write an expression and see its size (or its problems, under their place in the text)
 * as you type, through htmx; the tree of segments with their sizes; and one segment's page with its overlap
 * with another and its profile against all residents (drawn by {@code /js/segments.js}).
 */
@Controller
class SegmentPageController {

    private static final String DEFAULT_PURPOSE = "segmentation";

    private final Segments segments;
    private final MessageSource messages;
    private final ObjectMapper json;

    SegmentPageController(Segments segments, MessageSource messages, ObjectMapper json) {
        this.segments = segments;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/segments")
    String builder(Model model) {
        form(model, "", "", DEFAULT_PURPOSE, "");
        return "segments";
    }

    /** The size of what is typed so far, or its problems: a fragment for htmx. */
    @PostMapping("/segments/preview")
    String preview(@RequestParam(defaultValue = "") String expression,
            @RequestParam(defaultValue = DEFAULT_PURPOSE) String purpose, Model model) {
        fillPreview(expression, purpose, model);
        return "segments :: preview";
    }

    @PostMapping("/segments")
    String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = DEFAULT_PURPOSE) String purpose,
            @RequestParam(defaultValue = "") String expression, Model model) {
        try {
            segments.create(key.strip(), name, purpose, expression);
            return "redirect:/segments/" + key.strip();
        } catch (ApiProblem problem) {
            form(model, key, name, purpose, expression);
            model.addAttribute("saveProblem", problem.getMessage());
            model.addAttribute("fieldProblems", problem.errors().stream()
                    .filter(e -> e.line() == null).map(FieldProblem::toString).toList());
            fillPreview(expression, purpose, model);
            return "segments";
        }
    }

    @GetMapping("/segments/{key}")
    String segment(@PathVariable String key, Model model) {
        Segments.Summary summary = segments.get(key);
        model.addAttribute("summary", summary);
        model.addAttribute("shown", shown(summary.count()));
        model.addAttribute("others", segments.list().stream().map(s -> s.segment().key()).filter(k -> !k.equals(key)).toList());
        model.addAttribute("k", segments.k());
        model.addAttribute("labels", labels());
        return "segment";
    }

    /** How this segment overlaps another: a fragment for htmx. */
    @GetMapping("/segments/{key}/overlap")
    String overlap(@PathVariable String key, @RequestParam String other, Model model) {
        Segments.Overlap overlap = segments.overlap(key, other);
        model.addAttribute("overlap", overlap);
        model.addAttribute("parts", List.of(shown(overlap.onlyKey()), shown(overlap.both()), shown(overlap.onlyOther())));
        model.addAttribute("sizes", List.of(shown(overlap.size()), shown(overlap.otherSize())));
        return "segment :: overlap";
    }

    private void form(Model model, String key, String name, String purpose, String expression) {
        model.addAttribute("key", key);
        model.addAttribute("name", name);
        model.addAttribute("purpose", purpose);
        model.addAttribute("expression", expression);
        model.addAttribute("purposes", segments.purposes());
        model.addAttribute("tree", segments.tree());
        model.addAttribute("k", segments.k());
    }

    private void fillPreview(String expression, String purpose, Model model) {
        model.addAttribute("k", segments.k());
        if (expression.isBlank()) {
            model.addAttribute("empty", true);
            return;
        }
        try {
            SegmentCount count = segments.preview(expression, purpose);
            model.addAttribute("count", count);
            model.addAttribute("shown", shown(count));
        } catch (ApiProblem problem) {
            model.addAttribute("problemType", problem.typeKey());
            model.addAttribute("lines", ProblemLines.of(expression, problem.errors()));
            List<String> elsewhere = new ArrayList<>();
            problem.errors().stream().filter(e -> e.line() == null).forEach(e -> elsewhere.add(e.detail()));
            model.addAttribute("elsewhere", elsewhere);
        }
    }

    /** The chart labels in the page's language, as JSON for /js/segments.js. */
    private String labels() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("segment", messages.getMessage("seg.profile.segment", null, locale));
        labels.put("residents", messages.getMessage("seg.profile.residents", null, locale));
        labels.put("error", messages.getMessage("seg.profile.error", null, locale));
        for (Channel c : Channel.values()) {
            labels.put("channel." + c.code(), messages.getMessage("channel." + c.code(), null, c.code(), locale));
        }
        for (HouseholdType h : HouseholdType.values()) {
            labels.put("householdType." + h.code(), messages.getMessage("household." + h.code(), null, h.code(), locale));
        }
        labels.put("district.?", messages.getMessage("seg.unknown", null, locale));
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shown(SegmentCount count) {
        return SegmentView.shown(count);
    }
}
