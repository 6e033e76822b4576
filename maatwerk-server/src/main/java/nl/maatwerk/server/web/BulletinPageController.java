package nl.maatwerk.server.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import nl.maatwerk.server.analytics.BulletinReport;
import nl.maatwerk.server.analytics.Bulletins;
import nl.maatwerk.server.analytics.ContactAnalytics;
import nl.maatwerk.server.platform.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The weekly bulletin as pages: the list, one week, its PDF; compose and send on demand. */
@Controller
class BulletinPageController {

    private final Bulletins bulletins;

    BulletinPageController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/bulletins")
    String list(Model model) {
        model.addAttribute("weeks", bulletins.weeks());
        model.addAttribute("suggested", LocalDate.now(ContactAnalytics.ZONE).with(DayOfWeek.MONDAY).minusWeeks(1));
        return "bulletins";
    }

    @GetMapping("/bulletins/{week:\\d{4}-\\d{2}-\\d{2}}")
    String week(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Model model) {
        model.addAttribute("report", report(week));
        model.addAttribute("sent", bulletins.isSent(week.with(DayOfWeek.MONDAY)));
        return "bulletin";
    }

    @GetMapping("/bulletins/{week:\\d{4}-\\d{2}-\\d{2}}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Locale locale) {
        BulletinReport report = report(week);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"tamtam-" + report.week() + ".pdf\"")
                .body(bulletins.pdf(report, locale));
    }

    @PostMapping("/bulletins")
    String compose(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        return "redirect:/bulletins/" + bulletins.compose(week).week();
    }

    @PostMapping("/bulletins/{week:\\d{4}-\\d{2}-\\d{2}}/send")
    String send(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        report(week);   // 404, not a 500 from send, when there is no bulletin for that week
        bulletins.send(week);
        return "redirect:/bulletins/" + week.with(DayOfWeek.MONDAY);
    }

    private BulletinReport report(LocalDate week) {
        return bulletins.find(week).orElseThrow(() -> ApiProblem.notFound("No bulletin for the week of " + week));
    }
}
