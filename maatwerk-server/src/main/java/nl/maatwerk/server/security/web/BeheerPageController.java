package nl.maatwerk.server.security.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.maatwerk.server.security.ApiKeys;
import nl.maatwerk.server.security.IssuedApiKey;
import nl.maatwerk.server.security.Role;
import nl.maatwerk.server.security.UserAccounts;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: accounts (create, disable, enable and unlock) and API keys (issue, revoke). */
@Controller
class BeheerPageController {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final UserAccounts users;
    private final ApiKeys keys;

    BeheerPageController(UserAccounts users, ApiKeys keys) {
        this.users = users;
        this.keys = keys;
    }

    @GetMapping("/beheer")
    String page(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("keys", keys.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("zone", ZONE);
        model.addAttribute("now", Instant.now());
        model.addAttribute("minPassword", UserAccounts.MIN_PASSWORD_LENGTH);
        return "beheer";
    }

    @PostMapping("/beheer/users")
    String createUser(@RequestParam String name, @RequestParam String password,
            @RequestParam(name = "roles", required = false) List<String> roles, RedirectAttributes flash) {
        Set<Role> chosen = roles(roles);
        if (UserAccounts.normalName(name) == null) {
            flash.addFlashAttribute("problem", "beheer.problem.name");
        } else if (password.length() < UserAccounts.MIN_PASSWORD_LENGTH) {
            flash.addFlashAttribute("problem", "beheer.problem.password");
        } else if (chosen.isEmpty()) {
            flash.addFlashAttribute("problem", "beheer.problem.roles");
        } else if (!users.create(name, password, chosen)) {
            flash.addFlashAttribute("problem", "beheer.problem.taken");
        } else {
            flash.addFlashAttribute("done", "beheer.done.user");
        }
        return "redirect:/beheer";
    }

    @PostMapping("/beheer/users/{name}/enabled")
    String setEnabled(@PathVariable String name, @RequestParam boolean enabled) {
        users.setEnabled(name, enabled);
        return "redirect:/beheer";
    }

    @PostMapping("/beheer/keys")
    String issueKey(@RequestParam String owner, @RequestParam(name = "roles", required = false) List<String> roles,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expires, RedirectAttributes flash, Model model) {
        Set<Role> chosen = roles(roles);
        if (owner.isBlank() || owner.length() > 100) {
            flash.addFlashAttribute("problem", "beheer.problem.owner");
        } else if (chosen.isEmpty()) {
            flash.addFlashAttribute("problem", "beheer.problem.roles");
        } else if (expires != null && !expires.isAfter(LocalDate.now(ZONE))) {
            flash.addFlashAttribute("problem", "beheer.problem.expires");
        } else {
            IssuedApiKey issued = keys.issue(owner, chosen, expires == null ? null : expires.atStartOfDay(ZONE).toInstant());
            // shown once, in this answer only: not kept in the session for a redirect
            model.addAttribute("issued", issued);
            return page(model);
        }
        return "redirect:/beheer";
    }

    @PostMapping("/beheer/keys/{id}/revoke")
    String revoke(@PathVariable String id) {
        keys.revoke(id);
        return "redirect:/beheer";
    }

    private static Set<Role> roles(List<String> keys) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (keys != null) {
            keys.forEach(k -> Role.of(k).ifPresent(roles::add));
        }
        return roles;
    }
}
