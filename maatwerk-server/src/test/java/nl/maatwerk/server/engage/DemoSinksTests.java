package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.core.template.SmsLength;
import nl.maatwerk.core.template.SmsMessage;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's sinks as the dispatchers meet them: the SMTP sink takes e-mail, the provider sink takes SMS and calls
 * back, signed, through the real callback endpoint (delivered, or failed for a number ending in 0000).
 */
@ApiTest
class DemoSinksTests {

    @Autowired
    Outbox outbox;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demoSinks_takeMessages_andTheProviderSinkCallsBackSigned() throws Exception {
        UUID citizen = UUID.randomUUID();
        jdbc.update("insert into citizen (id, birth_date, household_type) values (?, date '1990-01-01', 'single')", citizen);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String text = "Uw aanvraag is in behandeling.";
        try (DemoSinkSmtp smtp = new DemoSinkSmtp(DeliveryTests.SMTP_PORT);
                DemoSinkProvider provider = new DemoSinkProvider(DeliveryTests.PROVIDER_PORT, Map.of("sms", "sms-secret"))) {
            outbox.enqueue(new OutgoingMessage("demo-" + run + "-ok", citizen, "volgende-stap", Channel.SMS, "proactive_service",
                    "+31612345678", new SmsMessage(text, SmsLength.of(text)), Instant.now().minusSeconds(1)));
            outbox.enqueue(new OutgoingMessage("demo-" + run + "-bad", citizen, "volgende-stap", Channel.SMS, "proactive_service",
                    "+31612340000", new SmsMessage(text, SmsLength.of(text)), Instant.now().minusSeconds(1)));
            outbox.enqueue(new OutgoingMessage("demo-" + run + "-mail", citizen, "volgende-stap", Channel.EMAIL,
                    "proactive_service", "demo@example.nl", new RenderedEmail("Volgende stap", "<p>" + text + "</p>", text),
                    Instant.now().minusSeconds(1)));
            while (dispatcher.dispatchDue(Channel.SMS, Instant.now()) > 0 | dispatcher.dispatchDue(Channel.EMAIL, Instant.now()) > 0) {
                // next batch
            }
            assertThat(smtp.received).containsEntry("demo-" + run + "-mail", 1);
            assertThat(status("demo-" + run + "-mail")).isEqualTo("delivered");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline)
                    && (status("demo-" + run + "-ok").equals("sending") || status("demo-" + run + "-bad").equals("sending"))) {
                Thread.sleep(100);
            }
            assertThat(status("demo-" + run + "-ok")).isEqualTo("delivered");
            assertThat(status("demo-" + run + "-bad")).isEqualTo("permanent_failure");
        }
    }

    String status(String key) {
        return jdbc.queryForObject("select status from outbox_message where idempotency_key = ?", String.class, key);
    }
}
