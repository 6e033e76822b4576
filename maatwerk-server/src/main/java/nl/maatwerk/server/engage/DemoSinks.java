package nl.maatwerk.server.engage;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo only ({@code maatwerk.demo.sinks=true}, set by {@code ./maatwerk demo}): a local SMTP sink and an HTTP provider
 * sink inside the application, on the ports the demo command configured the dispatchers with.
 */
@Component
@ConditionalOnProperty(name = "maatwerk.demo.sinks", havingValue = "true")
class DemoSinks implements DisposableBean {

    private final DemoSinkSmtp smtp;
    private final DemoSinkProvider provider;

    DemoSinks(DeliverySettings settings, @Value("${maatwerk.demo.smtp-port}") int smtpPort,
            @Value("${maatwerk.demo.provider-port}") int providerPort) throws IOException {
        Map<String, String> secrets = new HashMap<>();
        for (String name : DeliveryProviders.HTTP_PROVIDERS.keySet()) {
            DeliverySettings.HttpProviderSettings http = settings.provider(name);
            if (http != null && !http.callbackSecret().isEmpty()) {
                secrets.put(name, http.callbackSecret());
            }
        }
        this.smtp = new DemoSinkSmtp(smtpPort);
        this.provider = new DemoSinkProvider(providerPort, secrets);
    }

    @Override
    public void destroy() throws IOException {
        provider.close();
        smtp.close();
    }
}
