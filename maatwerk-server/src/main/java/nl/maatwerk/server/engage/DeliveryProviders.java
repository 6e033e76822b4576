package nl.maatwerk.server.engage;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.maatwerk.core.model.Channel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The configured peer per channel, each with its token bucket. */
@Component
@EnableConfigurationProperties(DeliverySettings.class)
class DeliveryProviders {

    /** HTTP providers by the name used in their settings and callback URL. */
    static final Map<String, Channel> HTTP_PROVIDERS = Map.of("sms", Channel.SMS, "whatsapp", Channel.WHATSAPP,
            "push", Channel.APP);

    private final Map<Channel, DeliveryProvider> byChannel = new EnumMap<>(Channel.class);
    private final Map<Channel, TokenBucket> buckets = new EnumMap<>(Channel.class);
    private final DeliverySettings settings;

    DeliveryProviders(DeliverySettings settings, Environment environment) {
        this.settings = settings;
        Supplier<String> callbackBase = () -> settings.callbackBaseUrl().isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                        + "/api/v1/delivery/callbacks"
                : settings.callbackBaseUrl();
        add(new SmtpProvider(settings.email()), settings.email().ratePerSecond());
        HTTP_PROVIDERS.forEach((name, channel) -> {
            DeliverySettings.HttpProviderSettings http = settings.provider(name);
            add(new HttpProvider(name, channel, http, callbackBase), http == null ? 1 : http.ratePerSecond());
        });
        add(new LetterProvider(settings.letter()), 1000);
    }

    private void add(DeliveryProvider provider, double ratePerSecond) {
        byChannel.put(provider.channel(), provider);
        buckets.put(provider.channel(), new TokenBucket(ratePerSecond));
    }

    Optional<DeliveryProvider> forChannel(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    Collection<DeliveryProvider> all() {
        return byChannel.values();
    }

    TokenBucket bucket(Channel channel) {
        return buckets.get(channel);
    }

    LetterProvider letters() {
        return (LetterProvider) byChannel.get(Channel.LETTER);
    }

    /** The HTTP provider's callback secret, or empty when none is configured (then every callback is refused). */
    Optional<String> callbackSecret(String provider) {
        DeliverySettings.HttpProviderSettings http = settings.provider(provider);
        return http == null || http.callbackSecret().isEmpty() ? Optional.empty() : Optional.of(http.callbackSecret());
    }
}
