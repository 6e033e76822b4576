package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.PushMessage;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.core.template.SmsLength;
import nl.maatwerk.core.template.SmsMessage;
import nl.maatwerk.core.template.WhatsAppMessage;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox and its dispatchers against real peers: GreenMail and a scripted SMTP server for e-mail, the JDK's
 * HttpServer for the SMS / WhatsApp / push provider, signed callbacks through the real endpoint. The dispatcher is
 * driven with explicit clocks (the background schedule is off in tests).
 */
@ApiTest
@Import(DeliveryTests.Events.class)
class DeliveryTests {

    static final int SMTP_PORT = 3931;
    static final int PROVIDER_PORT = 3932;

    @Autowired
    Outbox outbox;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    OutboxStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Events events;
    @Autowired
    DeliveryReportTimeout reportTimeout;

    ProviderPeer provider;
    UUID citizen;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    /** Collects published status changes. */
    @TestConfiguration
    static class Events {
        final List<MessageStatusChanged> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MessageStatusChanged event) {
            seen.add(event);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        provider = new ProviderPeer(PROVIDER_PORT);
        citizen = newCitizen();
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    UUID newCitizen() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into citizen (id, birth_date, household_type) values (?, date '1980-04-01', 'single')", id);
        return id;
    }

    String key(String what) {
        return "test-" + run + "-" + what;
    }

    OutgoingMessage sms(String key, UUID who) {
        return new OutgoingMessage(key, who, "paspoort-verloopt", Channel.SMS, "proactive_service", "+31612345678",
                new SmsMessage("Uw paspoort verloopt over 8 weken.", SmsLength.of("Uw paspoort verloopt over 8 weken.")),
                Instant.now().minusSeconds(1));
    }

    OutgoingMessage email(String key, String to) {
        return new OutgoingMessage(key, citizen, "paspoort-verloopt", Channel.EMAIL, "proactive_service", to,
                new RenderedEmail("Uw paspoort verloopt", "<p>Beste <b>Jan</b>, uw paspoort verloopt.</p>",
                        "Beste Jan, uw paspoort verloopt."), Instant.now().minusSeconds(1));
    }

    SentMessage stored(String key) {
        Long id = jdbc.queryForObject("select id from outbox_message where idempotency_key = ?", Long.class, key);
        return store.find(id).orElseThrow();
    }

    /** Dispatches until nothing of the channel is due at {@code at}. */
    void dispatch(Channel channel, Instant at) {
        for (int i = 0; i < 100 && dispatcher.dispatchDue(channel, at) > 0; i++) {
            // next batch
        }
    }

    @Test
    void enqueue_isIdempotentOnTheKey() {
        assertThat(outbox.enqueue(sms(key("once"), citizen))).isTrue();
        assertThat(outbox.enqueue(sms(key("once"), citizen))).isFalse();
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(sms(key("batch-" + i), citizen));
        }
        assertThat(outbox.enqueueAll(batch)).isEqualTo(300);
        batch.add(sms(key("batch-new"), citizen));
        assertThat(outbox.enqueueAll(batch)).as("only the new one, through the staging merge").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where idempotency_key like ?", Long.class,
                key("batch-%"))).isEqualTo(301);
        assertThat(stored(key("batch-7")).body()).isEqualTo(batch.get(7).body());
    }

    @Test
    void sms_acceptedThenSignedCallback_isDeliveredOnceAndRecordedAsContact() {
        String k = key("sms-ok");
        outbox.enqueue(sms(k, citizen));
        dispatch(Channel.SMS, Instant.now());

        List<ProviderPeer.Received> calls = provider.of(k);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).authorization()).isEqualTo("Bearer test-key");
        assertThat(calls.get(0).body().path("text").asText()).isEqualTo("Uw paspoort verloopt over 8 weken.");
        assertThat(calls.get(0).body().path("callbackUrl").asText()).endsWith("/api/v1/delivery/callbacks/sms");
        SentMessage sent = stored(k);
        assertThat(sent.status()).isEqualTo(MessageStatus.SENDING);
        assertThat(sent.providerMessageId()).isEqualTo("peer-" + k);

        String body = "{\"reference\":\"" + k + "\",\"id\":\"peer-" + k + "\",\"status\":\"delivered\"}";
        ResponseEntity<String> first = callback("sms", body, "sms-secret", Instant.now());
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(Http.json(first).path("changed").asBoolean()).isTrue();
        ResponseEntity<String> again = callback("sms", body, "sms-secret", Instant.now());
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(Http.json(again).path("changed").asBoolean()).as("a repeated callback changes nothing").isFalse();
        assertThat(stored(k).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(events.seen).filteredOn(e -> e.idempotencyKey().equals(k) && e.status() == MessageStatus.DELIVERED)
                .hasSize(1);

        Map<String, Object> contact = jdbc.queryForMap("select channel, direction, topic, citizen_id from contact"
                + " where source = 'maatwerk-outbox' and source_id = ?", Long.toString(sent.id()));
        assertThat(contact).containsEntry("channel", "sms").containsEntry("direction", "outbound")
                .containsEntry("topic", "paspoort-verloopt").containsEntry("citizen_id", citizen);
    }

    @Test
    void acceptedWithoutReport_isTemporaryFailureAfterTheTimeout_notSentAgain_andALateReportStillCounts() {
        String k = key("sms-no-report");
        outbox.enqueue(sms(k, citizen));
        Instant accepted = Instant.now();
        dispatch(Channel.SMS, accepted);
        assertThat(stored(k).status()).isEqualTo(MessageStatus.SENDING);

        reportTimeout.giveUpOverdue(accepted.plus(Duration.ofHours(71)));
        assertThat(stored(k).status()).as("72 hours not yet over").isEqualTo(MessageStatus.SENDING);

        reportTimeout.giveUpOverdue(accepted.plus(Duration.ofHours(73)));
        SentMessage overdue = stored(k);
        assertThat(overdue.status()).isEqualTo(MessageStatus.TEMPORARY_FAILURE);
        assertThat(overdue.lastError()).isEqualTo("no delivery report within 72 hours of the provider's acceptance");
        assertThat(store.history(overdue.id())).extracting(OutboxStore.StatusStep::status).endsWith(MessageStatus.TEMPORARY_FAILURE);
        assertThat(events.seen).filteredOn(e -> e.idempotencyKey().equals(k) && e.status() == MessageStatus.TEMPORARY_FAILURE)
                .hasSize(1);
        reportTimeout.giveUpOverdue(accepted.plus(Duration.ofHours(80)));
        dispatch(Channel.SMS, accepted.plus(Duration.ofHours(80)));
        assertThat(provider.of(k)).as("the provider may well have delivered it: never sent twice").hasSize(1);
        assertThat(events.seen).filteredOn(e -> e.idempotencyKey().equals(k) && e.status() == MessageStatus.TEMPORARY_FAILURE)
                .hasSize(1);

        String late = "{\"reference\":\"" + k + "\",\"id\":\"peer-" + k + "\",\"status\":\"delivered\"}";
        assertThat(Http.json(callback("sms", late, "sms-secret", Instant.now())).path("changed").asBoolean()).isTrue();
        assertThat(stored(k).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void callbackBeforeTheAcceptanceIsRecorded_keepsDelivered_andStillRecordsTheSending() {
        String k = key("sms-fast-callback");
        provider.beforeReply = key -> {
            if (k.equals(key)) {
                assertThat(callback("sms", "{\"reference\":\"" + k + "\",\"status\":\"delivered\"}", "sms-secret",
                        Instant.now()).getStatusCode().value()).isEqualTo(200);
            }
        };
        outbox.enqueue(sms(k, citizen));
        dispatch(Channel.SMS, Instant.now());
        SentMessage sent = stored(k);
        assertThat(sent.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.providerMessageId()).isEqualTo("peer-" + k);
        assertThat(jdbc.queryForObject("select count(*) from contact where source = 'maatwerk-outbox' and source_id = ?",
                Long.class, Long.toString(sent.id()))).isEqualTo(1);
    }

    @Test
    void callback_withBadOrOldSignature_is401_andUnknownMessage404() {
        String k = key("sms-cb");
        outbox.enqueue(sms(k, citizen));
        dispatch(Channel.SMS, Instant.now());
        String body = "{\"reference\":\"" + k + "\",\"status\":\"failed\",\"reason\":\"unknown number\"}";

        ResponseEntity<String> wrongSecret = callback("sms", body, "not-the-secret", Instant.now());
        assertThat(wrongSecret.getStatusCode().value()).isEqualTo(401);
        assertThat(wrongSecret.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(callback("whatsapp", body, "sms-secret", Instant.now()).getStatusCode().value())
                .as("another provider's secret").isEqualTo(401);
        assertThat(callback("sms", body, "sms-secret", Instant.now().minusSeconds(301)).getStatusCode().value())
                .as("replay after 5 minutes").isEqualTo(401);
        assertThat(callback("sms", "{\"reference\":\"nope-" + run + "\",\"status\":\"delivered\"}", "sms-secret",
                Instant.now()).getStatusCode().value()).isEqualTo(404);
        assertThat(stored(k).status()).isEqualTo(MessageStatus.SENDING);

        assertThat(callback("sms", body, "sms-secret", Instant.now()).getStatusCode().value()).isEqualTo(200);
        SentMessage failed = stored(k);
        assertThat(failed.status()).isEqualTo(MessageStatus.PERMANENT_FAILURE);
        assertThat(failed.lastError()).contains("unknown number");
    }

    @Test
    void provider429WithRetryAfter_and500_areRetried_400IsPermanent() {
        String limited = key("sms-429");
        String broken = key("sms-500");
        String refused = key("sms-400");
        provider.script(limited, new ProviderPeer.Reply(429, "120", "{\"error\":\"slow down\"}"));
        provider.script(broken, new ProviderPeer.Reply(500, null, "{}"), new ProviderPeer.Reply(200, null,
                "{\"id\":\"x\",\"status\":\"delivered\"}"));
        provider.script(refused, new ProviderPeer.Reply(400, null, "{\"error\":\"bad number\"}"));
        for (String k : List.of(limited, broken, refused)) {
            outbox.enqueue(sms(k, citizen));
        }
        Instant t0 = Instant.now();
        dispatch(Channel.SMS, t0);
        assertThat(stored(limited).status()).isEqualTo(MessageStatus.TEMPORARY_FAILURE);
        assertThat(stored(broken).status()).isEqualTo(MessageStatus.TEMPORARY_FAILURE);
        assertThat(stored(refused).status()).isEqualTo(MessageStatus.PERMANENT_FAILURE);
        assertThat(stored(refused).lastError()).contains("400").contains("bad number");
        Instant retryAt = jdbc.queryForObject("select next_attempt_at from outbox_message where idempotency_key = ?",
                java.sql.Timestamp.class, limited).toInstant();
        assertThat(retryAt).as("Retry-After: 120").isBetween(t0.plusSeconds(119), t0.plusSeconds(121));

        dispatch(Channel.SMS, t0.plusSeconds(60));
        assertThat(provider.of(limited)).as("not before Retry-After").hasSize(1);
        assertThat(stored(broken).status()).as("backoff of at most 10 s has passed").isEqualTo(MessageStatus.DELIVERED);

        dispatch(Channel.SMS, t0.plusSeconds(121));
        assertThat(provider.of(limited)).hasSize(2);
        assertThat(stored(limited).status()).isEqualTo(MessageStatus.SENDING);
        assertThat(provider.of(refused)).hasSize(1);
        assertThat(store.history(stored(broken).id())).extracting(OutboxStore.StatusStep::status).containsExactly(
                MessageStatus.SENDING, MessageStatus.TEMPORARY_FAILURE, MessageStatus.SENDING, MessageStatus.DELIVERED);
    }

    @Test
    void temporaryFailures_becomePermanentAfterMaxAttempts() {
        String k = key("sms-always-500");
        provider.script(k, new ProviderPeer.Reply(503, null, "{}"), new ProviderPeer.Reply(503, null, "{}"),
                new ProviderPeer.Reply(503, null, "{}"), new ProviderPeer.Reply(503, null, "{}"));
        outbox.enqueue(sms(k, citizen));
        Instant t = Instant.now();
        for (int i = 0; i < 6; i++) {
            dispatch(Channel.SMS, t);
            t = t.plusSeconds(3600);
        }
        assertThat(provider.of(k)).as("max-attempts: 4").hasSize(4);
        assertThat(stored(k).status()).isEqualTo(MessageStatus.PERMANENT_FAILURE);
        assertThat(stored(k).lastError()).startsWith("gave up after 4 attempts");
    }

    @Test
    void withdrawnConsent_betweenEnqueueAndDispatch_cancelsAndNeverReachesThePeer() {
        Http http = new Http(rest);
        assertThat(http.put("/api/v1/citizens/" + citizen + "/consents/participation",
                "{\"state\":\"given\",\"channel\":\"whatsapp\",\"source\":\"test\"}").getStatusCode().is2xxSuccessful()).isTrue();
        String k = key("wa-withdrawn");
        outbox.enqueue(new OutgoingMessage(k, citizen, "inspraak", Channel.WHATSAPP, "participation", "+31612345678",
                new WhatsAppMessage("inspraak_avond", "nl", List.of("Jan", "12 december"), "Jan, kom 12 december"),
                Instant.now().minusSeconds(1)));
        String allowed = key("wa-allowed");
        outbox.enqueue(new OutgoingMessage(allowed, citizen, "inspraak", Channel.WHATSAPP, "participation", "+31612345678",
                new WhatsAppMessage("inspraak_avond", "nl", List.of("Jan", "12 december"), "Jan, kom 12 december"),
                Instant.now().plusSeconds(3600)));
        assertThat(http.put("/api/v1/citizens/" + citizen + "/consents/participation",
                "{\"state\":\"withdrawn\",\"channel\":\"whatsapp\",\"source\":\"test\"}").getStatusCode().is2xxSuccessful()).isTrue();

        dispatch(Channel.WHATSAPP, Instant.now());
        assertThat(provider.of(k)).isEmpty();
        SentMessage cancelled = stored(k);
        assertThat(cancelled.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(cancelled.lastError()).contains("no consent for purpose participation");
        assertThat(events.seen).filteredOn(e -> e.idempotencyKey().equals(k)).extracting(MessageStatusChanged::status)
                .containsExactly(MessageStatus.SENDING, MessageStatus.CANCELLED);
        assertThat(stored(allowed).status()).as("not before its moment").isEqualTo(MessageStatus.CREATED);
    }

    @Test
    void movedOutCitizen_isCancelled() {
        UUID gone = newCitizen();
        jdbc.update("update citizen set status = 'moved_out' where id = ?", gone);
        String k = key("sms-moved");
        outbox.enqueue(sms(k, gone));
        dispatch(Channel.SMS, Instant.now());
        assertThat(provider.of(k)).isEmpty();
        assertThat(stored(k).status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(stored(k).lastError()).isEqualTo("citizen moved out");
    }

    @Test
    void push_rateLimit_isRespectedAtThePeer() {
        List<String> keys = new ArrayList<>();
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(key("push-" + i));
            batch.add(new OutgoingMessage(keys.get(i), citizen, null, Channel.APP, "proactive_service", "token-" + i,
                    new PushMessage("Paspoort", "Uw paspoort verloopt"), Instant.now().minusSeconds(1)));
        }
        outbox.enqueueAll(batch);
        dispatch(Channel.APP, Instant.now());
        List<Long> at = provider.received.stream().filter(r -> keys.contains(r.idempotencyKey()))
                .map(ProviderPeer.Received::atNanos).sorted().toList();
        assertThat(at).hasSize(25);
        assertThat(at.get(0)).isNotNull();
        for (int i = 0; i + 11 < at.size(); i++) {
            assertThat(at.get(i + 11) - at.get(i)).as("12 calls span at least a second at 10/s").isGreaterThanOrEqualTo(1_000_000_000L);
        }
        assertThat(provider.received.stream().filter(r -> keys.contains(r.idempotencyKey())).findFirst().orElseThrow()
                .body().path("title").asText()).isEqualTo("Paspoort");
    }

    @Test
    void email_overSmtp_carriesTheKeyAndBothParts() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", "smtp"))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        try {
            String k = key("mail-ok");
            outbox.enqueue(email(k, "jan-" + run + "@example.nl"));
            dispatch(Channel.EMAIL, Instant.now());
            MimeMessage received = List.of(mail.getReceivedMessages()).stream()
                    .filter(m -> k.equals(header(m, SmtpProvider.KEY_HEADER))).findFirst().orElseThrow();
            assertThat(received.getSubject()).isEqualTo("Uw paspoort verloopt");
            assertThat(received.getMessageID()).endsWith("@maatwerk.outbox>");
            Multipart parts = (Multipart) received.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContent().toString()).contains("<b>Jan</b>");
            SentMessage sent = stored(k);
            assertThat(sent.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(sent.providerMessageId()).isEqualTo(received.getMessageID());
            assertThat(sent.sentAt()).isNotNull();
        } finally {
            mail.stop();
        }
    }

    @Test
    void email_5xxIsPermanent_4xxIsRetriedAndThenSent() throws Exception {
        try (ScriptedSmtp smtp = new ScriptedSmtp(SMTP_PORT)) {
            String unknownUser = "nobody-" + run + "@example.nl";
            String greylisted = "grey-" + run + "@example.nl";
            smtp.script(unknownUser, "550 5.1.1 no such user");
            smtp.script(greylisted, "451 4.7.1 greylisted, try again later");
            String permanent = key("mail-550");
            String temporary = key("mail-451");
            outbox.enqueue(email(permanent, unknownUser));
            outbox.enqueue(email(temporary, greylisted));
            Instant t0 = Instant.now();
            dispatch(Channel.EMAIL, t0);
            assertThat(stored(permanent).status()).isEqualTo(MessageStatus.PERMANENT_FAILURE);
            assertThat(stored(permanent).lastError()).contains("550");
            assertThat(stored(temporary).status()).isEqualTo(MessageStatus.TEMPORARY_FAILURE);
            assertThat(stored(temporary).lastError()).contains("451");
            dispatch(Channel.EMAIL, t0.plusSeconds(3600));
            assertThat(stored(temporary).status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(smtp.accepted).filteredOn(m -> m.startsWith(greylisted)).hasSize(1)
                    .allMatch(m -> m.contains(SmtpProvider.KEY_HEADER + ": " + temporary));
            assertThat(smtp.accepted).noneMatch(m -> m.startsWith(unknownUser));
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseEntity<String> callback(String provider, String body, String secret, Instant at) {
        long t = at.getEpochSecond();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        headers.set(DeliveryCallbacks.SIGNATURE_HEADER,
                "t=" + t + ",v1=" + DeliveryCallbacks.sign(secret, t, body.getBytes(StandardCharsets.UTF_8)));
        return rest.exchange("/api/v1/delivery/callbacks/" + provider, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }
}
