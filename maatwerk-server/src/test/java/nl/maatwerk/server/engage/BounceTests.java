package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bounces read back: e-mail goes out through the real SMTP provider to GreenMail, which also serves the bounce
 * mailbox over IMAP; the bounces are built as a Postfix relay writes them (multipart/report with a
 * message/delivery-status part and the returned headers or message) and delivered to that mailbox over SMTP.
 */
@ApiTest
class BounceTests {

    static final int IMAP_PORT = 3933;
    static final String BOUNCES = "bounces@gemeente.test";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Journeys journeys;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxStore store;
    @Autowired
    BounceMailbox mailbox;
    @Autowired
    DeliverySettings settings;

    GreenMail mail;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(DeliveryTests.SMTP_PORT, "localhost", "smtp"),
                new ServerSetup(IMAP_PORT, "localhost", "imap")})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(BOUNCES, "bounces", "bounces-secret"));
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    void dispatch(Channel channel, Instant at) {
        for (int i = 0; i < 100 && dispatcher.dispatchDue(channel, at) > 0; i++) {
            // next batch
        }
    }

    @Test
    void failedReport_afterThe250_failsTheEmail_andTheJourneyFallsBackToSms() throws Exception {
        JourneyFixture f = new JourneyFixture(new Http(rest), jdbc);
        String journey = f.key("bounce");
        f.create("""
                {"key":"%s","name":"Paspoort, e-mail en anders sms (bounce-test)","purpose":"proactive_service",
                 "trigger":{"type":"document_expiry","offsetDays":-56},
                 "steps":[{"id":"herinnering","type":"send","channels":["email","sms"],"templates":{
                    "email":{"subject":"Uw ((document_type)) verloopt","body":"Uw ((document_type)) is geldig tot ((document_expiry_date))."},
                    "sms":{"text":"Uw ((document_type)) is geldig tot ((document_expiry_date))."}}}]}
                """.formatted(journey));
        String address = "verhuisd-" + run + "@example.org";
        UUID citizen = f.citizen(address, "+31690000043", "email");
        f.passport(citizen, 56);
        Instant now = f.at(10, 0);
        journeys.runDue(now);
        String emailKey = f.sends(citizen).get(0).get("message_key").toString();
        String smsKey = emailKey.replace(":email", ":sms");
        assertThat(jdbc.queryForObject("select state from journey_occurrence where citizen_id = ?", String.class, citizen))
                .as("a one-send journey is done right after the send").isEqualTo("done");

        try (ProviderPeer sms = new ProviderPeer(DeliveryTests.PROVIDER_PORT)) {
            dispatch(Channel.EMAIL, now.plusSeconds(1));
            assertThat(status(emailKey)).as("the relay said 250").isEqualTo("delivered");
            MimeMessage sent = received(emailKey);
            assertThat(DeliveryTests.header(sent, "Return-Path")).as("the relay returns bounces to the bounce mailbox")
                    .contains(BOUNCES);

            deliverToBounces(postfixReport(address, "failed", "5.1.1",
                    "smtp; 550 5.1.1 <" + address + ">: Recipient address rejected:\r\n    User unknown in virtual mailbox table",
                    "text/rfc822-headers", headersOf(sent)));
            assertThat(mailboxCount()).isEqualTo(1);

            BounceMailbox.Round round = mailbox.readOnce(now.plusSeconds(3600));

            assertThat(round).isEqualTo(new BounceMailbox.Round(1, 1, 0, 0));
            assertThat(status(emailKey)).isEqualTo("permanent_failure");
            String reason = lastError(emailKey);
            assertThat(reason).isEqualTo("bounced: 5.1.1 (address): Recipient address rejected: User unknown in virtual mailbox table")
                    .as("the recipient is not in the reason the list page shows").doesNotContain(address);
            long id = id(emailKey);
            assertThat(store.history(id)).extracting(OutboxStore.StatusStep::status)
                    .containsExactly(MessageStatus.SENDING, MessageStatus.DELIVERED, MessageStatus.PERMANENT_FAILURE);
            assertThat(store.find(id).orElseThrow().deliveredAt()).isNull();
            assertThat(mailboxCount()).as("the bounce is removed after the status committed").isZero();

            List<Map<String, Object>> sends = f.sends(citizen);
            assertThat(sends).extracting(s -> s.get("channel") + " " + s.get("reason"))
                    .containsExactly("email preferred_or_first_allowed", "sms fallback");
            assertThat(f.decisions(journey, citizen)).extracting(d -> d.get("kind")).containsExactly("send", "failed", "send");
            assertThat(f.decisions(journey, citizen).get(1).get("detail")).isEqualTo(reason);
            dispatch(Channel.SMS, now.plusSeconds(3601));
            assertThat(sms.of(smsKey)).as("the SMS peer got the fallback").hasSize(1);
            assertThat(sms.of(smsKey).get(0).body().path("text").asText()).startsWith("Uw paspoort is geldig tot ");

            // the same bounce again (a crash after the commit, before the expunge): nothing changes
            deliverToBounces(postfixReport(address, "failed", "5.1.1", "smtp; 550 5.1.1 user unknown",
                    "text/rfc822-headers", headersOf(sent)));
            assertThat(mailbox.readOnce(now.plusSeconds(7200))).isEqualTo(new BounceMailbox.Round(1, 1, 0, 0));
            assertThat(lastError(emailKey)).isEqualTo(reason);
            assertThat(store.history(id)).hasSize(3);
            assertThat(f.decisions(journey, citizen)).hasSize(3);
            assertThat(mailbox.readOnce(now.plusSeconds(7300))).isEqualTo(new BounceMailbox.Round(0, 0, 0, 0));
            assertThat(sms.of(smsKey)).hasSize(1);
            assertThat(jdbc.queryForObject("select status from journey_message_status where message_key = ?", String.class,
                    emailKey)).isEqualTo("PERMANENT_FAILURE");

            seenOnThePages(id, reason);
        }
    }

    private void seenOnThePages(long id, String reason) throws Exception {
        Browser.assumeInstalled();
        try (Browser browser = Browser.open()) {
            browser.get("http://localhost:" + port + "/messages?channel=email&status=permanent_failure");
            Files.size(browser.screenshot("sent-messages-bounced.png"));
            var rows = browser.driver.findElements(By.cssSelector("table.sent-list tbody tr"));
            var row = rows.stream().filter(tr -> tr.findElement(By.tagName("td")).getText().equals(Long.toString(id)))
                    .findFirst().orElseThrow(() -> new AssertionError("no row " + id + " in "
                            + browser.driver.findElement(By.tagName("main")).getText()));
            assertThat(row.getText()).contains("mislukt", "teruggestuurd", reason);
            browser.get("http://localhost:" + port + "/messages/" + id);
            assertThat(browser.driver.findElement(By.cssSelector("ol.history")).getText())
                    .contains("afgeleverd", "mislukt " + reason);
            assertThat(browser.driver.findElement(By.cssSelector("dl")).getText()).contains("teruggestuurd");
            assertThat(Files.size(browser.screenshot("sent-message-bounced.png"))).isGreaterThan(10_000);
        }
    }

    @Test
    void softBounce_ofAMessageStillSending_isPermanent_andSaysTheRelayGaveUp() throws Exception {
        String key = "bounce-" + run + "-soft";
        // due long ago, so this claim takes this message and no other test's
        Instant due = Instant.parse("1990-01-01T00:00:00Z").plusSeconds(Math.abs(run.hashCode() % 1_000_000));
        outbox.enqueue(email(key, "traag-" + run + "@example.nl", due));
        // the server took it and died before recording the relay's 250: the row stays sending
        assertThat(store.claim(Channel.EMAIL, "smtp", due, 1, Duration.ofMinutes(2))).extracting(QueuedMessage::idempotencyKey)
                .containsExactly(key);
        String headers = "Message-ID: <" + UUID.randomUUID() + "@maatwerk.outbox>\r\n" + SmtpProvider.KEY_HEADER + ": " + key
                + "\r\nSubject: Uw paspoort verloopt\r\n";
        deliverToBounces(postfixReport("traag-" + run + "@example.nl", "failed", "4.4.7",
                "X-Postfix; delivery temporarily suspended: connect to mx.example.nl[192.0.2.7]:25: Connection timed out",
                "text/rfc822-headers", headers));

        assertThat(mailbox.readOnce(Instant.now())).isEqualTo(new BounceMailbox.Round(1, 1, 0, 0));

        assertThat(status(key)).isEqualTo("permanent_failure");
        assertThat(lastError(key)).isEqualTo("bounced, the relay gave up: 4.4.7 delivery temporarily suspended: connect to"
                + " mx.example.nl[192.0.2.7]:25: Connection timed out");
        assertThat(jdbc.queryForObject("select next_attempt_at is null from outbox_message where idempotency_key = ?",
                Boolean.class, key)).as("not claimed again when the lease runs out").isTrue();
        assertThat(store.history(id(key))).extracting(OutboxStore.StatusStep::status)
                .containsExactly(MessageStatus.SENDING, MessageStatus.PERMANENT_FAILURE);
    }

    @Test
    void withoutOurKeyHeader_theReturnedMessagesMessageIdFindsTheEmail() throws Exception {
        String key = "bounce-" + run + "-msgid";
        outbox.enqueue(email(key, "oud-" + run + "@example.nl", Instant.now().minusSeconds(1)));
        dispatch(Channel.EMAIL, Instant.now());
        assertThat(status(key)).isEqualTo("delivered");
        MimeMessage sent = received(key);
        // a relay that returns the whole message but drops headers it does not know
        String returned = "Message-ID: " + sent.getMessageID() + "\r\nSubject: Uw paspoort verloopt\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nBeste Jan, uw paspoort verloopt.\r\n";
        deliverToBounces(postfixReport("oud-" + run + "@example.nl", "failed", "5.2.2",
                "smtp; 552 5.2.2 mailbox full", "message/rfc822", returned));

        assertThat(mailbox.readOnce(Instant.now())).isEqualTo(new BounceMailbox.Round(1, 1, 0, 0));

        assertThat(status(key)).isEqualTo("permanent_failure");
        assertThat(lastError(key)).isEqualTo("bounced: 5.2.2 mailbox full");
    }

    @Test
    void delayedReport_andAnAutoReply_changeNothing_areLeftForAPerson_andAreNotReadAgain_unknownKeyIsConsumed()
            throws Exception {
        String key = "bounce-" + run + "-delayed";
        outbox.enqueue(email(key, "later-" + run + "@example.nl", Instant.now().minusSeconds(1)));
        dispatch(Channel.EMAIL, Instant.now());
        MimeMessage sent = received(key);
        deliverToBounces(postfixReport("later-" + run + "@example.nl", "delayed", "4.4.1",
                "X-Postfix; connect to mx.example.nl[192.0.2.7]:25: Connection refused", "text/rfc822-headers", headersOf(sent)));
        deliverToBounces(raw("""
                From: Jan <later-%s@example.nl>
                To: %s
                Subject: Afwezig: Uw paspoort verloopt
                In-Reply-To: %s
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=utf-8

                Ik ben tot 4 januari afwezig.
                """.formatted(run, BOUNCES, sent.getMessageID())));
        deliverToBounces(postfixReport("niemand@example.nl", "failed", "5.1.1", "smtp; 550 5.1.1 user unknown",
                "text/rfc822-headers", SmtpProvider.KEY_HEADER + ": journey:bestaat-niet:0:0:email\r\nSubject: x\r\n"));

        assertThat(mailbox.readOnce(Instant.now())).isEqualTo(new BounceMailbox.Round(3, 0, 1, 2));

        assertThat(status(key)).isEqualTo("delivered");
        assertThat(store.history(id(key))).hasSize(2);
        assertThat(mailboxCount()).as("the report and the reply stay for a person; the unknown bounce is gone").isEqualTo(2);
        assertThat(leftMarks()).as("marked as left, so they are not read again").containsExactly(true, true);
        assertThat(mailbox.readOnce(Instant.now())).as("not read again").isEqualTo(new BounceMailbox.Round(0, 0, 0, 0));
        assertThat(mailboxCount()).isEqualTo(2);
    }

    @Test
    void theSchedule_readsTheMailboxWhenItStarts_andStopsCleanly() throws Exception {
        deliverToBounces(postfixReport("niemand@example.nl", "failed", "5.1.1", "smtp; 550 5.1.1 user unknown",
                "text/rfc822-headers", SmtpProvider.KEY_HEADER + ": journey:bestaat-niet:0:0:email\r\nSubject: x\r\n"));
        BounceSchedule schedule = new BounceSchedule(mailbox, settings);
        schedule.start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (mailboxCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(mailboxCount()).as("read on the schedule's first round").isZero();
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void diagnostic_dropsTypeCodeAndStatus_andMasksAddresses() {
        assertThat(BounceReport.diagnostic("smtp; 550-5.1.1 <a.b@example.nl>: unknown")).isEqualTo("(address): unknown");
        assertThat(BounceReport.diagnostic("smtp;550 5.7.1 rejected for jan@example.nl, spam"))
                .isEqualTo("rejected for (address), spam");
        assertThat(BounceReport.diagnostic("smtp; 550")).isNull();
    }

    // --- the peers

    OutgoingMessage email(String key, String to, Instant notBefore) {
        return new OutgoingMessage(key, citizen(), "paspoort-verloopt", Channel.EMAIL, "proactive_service", to,
                new RenderedEmail("Uw paspoort verloopt", "<p>Beste Jan, uw paspoort verloopt.</p>",
                        "Beste Jan, uw paspoort verloopt."), notBefore);
    }

    UUID citizen() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into citizen (id, birth_date, household_type) values (?, date '1980-04-01', 'single')", id);
        return id;
    }

    MimeMessage received(String key) {
        return List.of(mail.getReceivedMessages()).stream()
                .filter(m -> key.equals(DeliveryTests.header(m, SmtpProvider.KEY_HEADER))).findFirst().orElseThrow();
    }

    static String headersOf(MimeMessage m) throws Exception {
        return String.join("\r\n", Collections.list(m.getAllHeaderLines())) + "\r\n";
    }

    /** A delivery status notification as Postfix writes it. */
    static String postfixReport(String recipient, String action, String status, String diagnostic, String returnedType,
            String returned) {
        String boundary = "8C1E3A0F2B.1765113600/relay.gemeente.test";
        String text = action.equals("failed")
                ? "I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients."
                : "Delivery to the following recipient has been delayed.";
        return """
                Return-Path: <>
                Date: Mon,  7 Dec 2026 10:05:01 +0100 (CET)
                From: MAILER-DAEMON@relay.gemeente.test (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                To: %s
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                \tboundary="%s"
                Message-Id: <20261207090501.8C1E3A0F2B@relay.gemeente.test>

                This is a MIME-encapsulated message.

                --%s
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host relay.gemeente.test.

                %s

                --%s
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.gemeente.test
                X-Postfix-Queue-ID: 8C1E3A0F2B
                X-Postfix-Sender: rfc822; gemeente@maatwerk.local
                Arrival-Date: Mon,  7 Dec 2026 10:00:01 +0100 (CET)

                Final-Recipient: rfc822; %s
                Original-Recipient: rfc822;%s
                Action: %s
                Status: %s
                Remote-MTA: dns; mx.example.nl
                Diagnostic-Code: %s

                --%s
                Content-Description: Undelivered Message Headers
                Content-Type: %s

                %s
                --%s--
                """.formatted(BOUNCES, boundary, boundary, text, boundary, recipient, recipient, action, status, diagnostic,
                boundary, returnedType, returned, boundary).replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static String raw(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** Sends the mail as it is (no headers rewritten) over SMTP to the bounce mailbox, as the relay would. */
    void deliverToBounces(String raw) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", Integer.toString(DeliveryTests.SMTP_PORT));
        props.put("mail.smtp.from", "MAILER-DAEMON@relay.gemeente.test");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(BOUNCES)});
        }
    }

    /** Messages in the bounce mailbox not flagged deleted, counted over IMAP. */
    int mailboxCount() throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store imap = session.getStore("imap")) {
            imap.connect("localhost", IMAP_PORT, "bounces", "bounces-secret");
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                int count = 0;
                for (Message m : inbox.getMessages()) {
                    count += m.isSet(Flags.Flag.DELETED) ? 0 : 1;
                }
                return count;
            } finally {
                inbox.close(false);
            }
        }
    }

    /** Per message in the bounce mailbox: carries the keyword for "left for a person" (or \Seen without keywords). */
    List<Boolean> leftMarks() throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store imap = session.getStore("imap")) {
            imap.connect("localhost", IMAP_PORT, "bounces", "bounces-secret");
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                boolean keywords = inbox.getPermanentFlags().contains(Flags.Flag.USER);
                return java.util.Arrays.stream(inbox.getMessages()).map(m -> {
                    try {
                        return keywords ? m.getFlags().contains(BounceMailbox.LEFT_KEYWORD) : m.isSet(Flags.Flag.SEEN);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
            } finally {
                inbox.close(false);
            }
        }
    }

    long id(String key) {
        return jdbc.queryForObject("select id from outbox_message where idempotency_key = ?", Long.class, key);
    }

    String status(String key) {
        return jdbc.queryForObject("select status from outbox_message where idempotency_key = ?", String.class, key);
    }

    String lastError(String key) {
        return jdbc.queryForObject("select last_error from outbox_message where idempotency_key = ?", String.class, key);
    }
}
