package nl.maatwerk.server.analytics.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.maatwerk.server.analytics.BulletinReport;
import nl.maatwerk.server.analytics.Bulletins;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The weekly bulletin for integrators: list, read, compose on demand, send. */
@RestController
@RequestMapping("/api/v1/bulletins")
@Tag(name = "Bulletin", description = "The weekly tamtam: what rose or fell significantly")
class BulletinRestController {

    private final Bulletins bulletins;

    BulletinRestController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping
    @Operation(summary = "Weeks (Mondays) with a bulletin, newest first")
    Map<String, List<LocalDate>> weeks() {
        return Map.of("weeks", bulletins.weeks());
    }

    @GetMapping("/{week}")
    @Operation(summary = "The bulletin of the ISO week holding this date")
    BulletinReport find(@PathVariable String week) {
        LocalDate day = date(week, "#/week");
        return bulletins.find(day).orElseThrow(() -> ApiProblem.notFound("No bulletin for the week of " + day));
    }

    @PostMapping
    @Operation(summary = "Composes (again) the bulletin of a week: {\"week\":\"2026-11-16\"}")
    ResponseEntity<BulletinReport> compose(@RequestBody JsonNode body) {
        JsonNode week = body.path("week");
        if (!week.isTextual()) {
            throw ApiProblem.invalid(FieldProblem.at("/week", "a date (yyyy-mm-dd) in the week to review is required"));
        }
        BulletinReport report = bulletins.compose(date(week.asText(), "/week"));
        return ResponseEntity.created(URI.create("/api/v1/bulletins/" + report.week())).body(report);
    }

    @PostMapping("/{week}/send")
    @Operation(summary = "E-mails the bulletin to the subscribers now (also when it was sent before)")
    Map<String, List<String>> send(@PathVariable String week) {
        LocalDate day = date(week, "#/week");
        if (bulletins.find(day).isEmpty()) {
            throw ApiProblem.notFound("No bulletin for the week of " + day);
        }
        return Map.of("recipients", bulletins.send(day));
    }

    private static LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            FieldProblem problem = where.startsWith("#") ? FieldProblem.atParameter("week", "\"" + text + "\" is not a date (yyyy-mm-dd)")
                    : FieldProblem.at(where, "\"" + text + "\" is not a date (yyyy-mm-dd)");
            throw ApiProblem.invalid(problem);
        }
    }
}
