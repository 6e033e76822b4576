package nl.maatwerk.server.engage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maatwerk.delivery.*}: how the dispatchers poll, retry and reach their peers (see docs/delivery.md).
 *
 * @param batchSize messages one dispatcher claims at a time
 * @param lease how long a claimed message may stay in {@code sending} without an answer before it is sent again
 * @param maxAttempts attempts before a temporary failure becomes permanent
 * @param backoffBase the first retry waits about this long; each next one twice as long (with jitter)
 * @param reportTimeout how long a message the peer accepted may wait for its delivery report (an HTTP provider's
 *     callback) before it is given up as {@code temporary_failure}: not known to be delivered, not sent again
 * @param callbackBaseUrl where providers post status callbacks, the provider's name appended; empty: this server's
 *     own port on localhost (enough for the demo; set it to the public address in production)
 * @param providers HTTP providers by name: {@code sms}, {@code whatsapp}, {@code push}
 */
@ConfigurationProperties("maatwerk.delivery")
record DeliverySettings(
        @DefaultValue("PT0.5S") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2") int threadsPerChannel,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration backoffBase,
        @DefaultValue("PT1H") Duration backoffMax,
        @DefaultValue("PT72H") Duration reportTimeout,
        @DefaultValue("") String callbackBaseUrl,
        @DefaultValue Email email,
        @DefaultValue Map<String, HttpProviderSettings> providers,
        @DefaultValue Letter letter) {

    /** SMTP for e-mail; an empty host means e-mail waits (stays queued) until one is configured. */
    record Email(@DefaultValue("") String host, @DefaultValue("25") int port, @DefaultValue("") String username,
            @DefaultValue("") String password, @DefaultValue("false") boolean startTls,
            @DefaultValue("gemeente@maatwerk.local") String from, @DefaultValue("Gemeente") String fromName,
            @DefaultValue("20") double ratePerSecond, @DefaultValue("PT10S") Duration timeout,
            @DefaultValue Bounces bounces) {
    }

    /**
     * The mailbox the relay returns bounces (delivery status notifications) to, read over IMAP(S); an empty host
     * means bounces are not read and an e-mail the relay accepted stays delivered.
     *
     * @param returnPath the envelope sender (SMTP {@code MAIL FROM}) of our e-mail, where relays send bounces; empty:
     *     the From address
     */
    record Bounces(@DefaultValue("") String host, @DefaultValue("993") int port, @DefaultValue("imaps") String protocol,
            @DefaultValue("") String username, @DefaultValue("") String password, @DefaultValue("INBOX") String folder,
            @DefaultValue("PT1M") Duration pollInterval, @DefaultValue("PT30S") Duration timeout,
            @DefaultValue("") String returnPath) {

        Bounces {
            if (!protocol.equals("imap") && !protocol.equals("imaps")) {
                throw new IllegalArgumentException("maatwerk.delivery.email.bounces.protocol must be imap or imaps, was "
                        + protocol);
            }
        }
    }

    /** One HTTP provider: {@code POST {baseUrl}/messages}, callbacks signed with {@code callbackSecret}. */
    record HttpProviderSettings(String baseUrl, @DefaultValue("") String apiKey, @DefaultValue("") String callbackSecret,
            @DefaultValue("20") double ratePerSecond, @DefaultValue("PT10S") Duration timeout) {
    }

    /** Letters: PDF batches with a manifest in the print street's drop folder. */
    record Letter(@DefaultValue("") Path dropFolder, @DefaultValue("200") int batchSize,
            @DefaultValue("Gemeente Maatwerk") String municipality,
            @DefaultValue("Postbus 1000, 1000 AA  Maatwerk") String returnAddress,
            @DefaultValue("Telefoon 14 020|www.maatwerk.nl") String senderLines,
            @DefaultValue("") Path logo) {
    }

    HttpProviderSettings provider(String name) {
        return providers.get(name);
    }
}
