package nl.maatwerk.server.web;

import nl.maatwerk.server.contact.Contacts;
import nl.maatwerk.server.profile.Citizens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what is loaded, and where each capability lives. */
@Controller
class HomePageController {

    private final Citizens citizens;
    private final Contacts contacts;

    HomePageController(Citizens citizens, Contacts contacts) {
        this.citizens = citizens;
        this.contacts = contacts;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("totals", citizens.totals());
        model.addAttribute("overview", contacts.overview());
        return "home";
    }
}
