package nl.maatwerk.server.security.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (Spring Security handles the POST), plus a button per configured OpenID Connect provider. */
@Controller
class LoginPageController {

    record Provider(String id, String name) {
    }

    private final List<Provider> providers = new ArrayList<>();

    LoginPageController(ObjectProvider<ClientRegistrationRepository> registrations) {
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration r = (ClientRegistration) registration;
                providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
        }
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("providers", providers);
        return "login";
    }
}
