package nl.maatwerk.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestTown;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The weekly bulletin on the generated test town, which has a planted surge: the topic openbare-ruimte
 * tripled in district WK036394 in the week of 2025-10-20. E-mail goes to a real local SMTP server (GreenMail).
 */
@ApiTest
class BulletinTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3925, "localhost", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Bulletins bulletins;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void town(@Autowired ApplicationContext context) {
        TestTown.load(context);
    }

    @Test
    void plantedSurge_isTheFirstItem() {
        ResponseEntity<String> response = new Http(rest).post("/api/v1/bulletins", "{\"week\":\"" + TestTown.SURGE_WEEK.plusDays(3) + "\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode report = Http.json(response);
        assertThat(report.path("week").asText()).isEqualTo(TestTown.SURGE_WEEK.toString());
        JsonNode first = report.path("items").get(0);
        assertThat(first.path("kind").asText()).isEqualTo("RISE");
        assertThat(first.path("dimensions").toString()).isEqualTo("[\"topic\",\"district\"]");
        assertThat(first.path("values").toString()).isEqualTo("[\"" + TestTown.SURGE_TOPIC + "\",\"" + TestTown.SURGE_DISTRICT + "\"]");
        assertThat(first.path("change").asDouble()).as("ratio").isGreaterThan(2);
        assertThat(first.path("certainty").asText()).isEqualTo("VERY_SURE");
        assertThat(first.path("link").asText()).contains("topic=openbare-ruimte").contains("district=WK036394")
                .contains("from=2025-08-25").contains("to=2025-10-26");
    }

    @Test
    void pdf_holdsTheFindingsAndLooksRight() throws Exception {
        bulletins.compose(TestTown.SURGE_WEEK);
        ResponseEntity<byte[]> response = rest.getForEntity("/bulletins/" + TestTown.SURGE_WEEK + ".pdf", byte[].class);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Tamtam: wat steeg of daalde in week 2025-10-20")
                    .contains("onderwerp openbare-ruimte, wijk WK036394").contains("zeer zeker").contains("Benjamini-Hochberg");
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 80);
            Path png = Path.of("target/screenshots/bulletin-pdf-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
        }
    }

    @Test
    void schedule_composesAndSendsTheDueBulletinOnce() throws Exception {
        LocalDate week = TestTown.SURGE_WEEK;
        LocalDate weekBefore = week.minusWeeks(1);
        jdbc.update("delete from bulletin where week in (?, ?)", java.sql.Date.valueOf(week), java.sql.Date.valueOf(weekBefore));
        ZonedDateTime mondayMorning = week.plusWeeks(1).atTime(6, 59).atZone(ContactAnalytics.ZONE);

        bulletins.runDue(mondayMorning.toInstant());
        assertThat(bulletins.find(week)).as("not due before 07:00").isEmpty();
        assertThat(bulletins.isSent(weekBefore)).as("before 07:00 the week before is the due one").isTrue();
        assertThat(subjects()).containsExactly(subject(weekBefore), subject(weekBefore));  // one per recipient

        bulletins.runDue(mondayMorning.plusMinutes(1).toInstant());
        bulletins.runDue(mondayMorning.plusMinutes(2).toInstant());  // the next tick: already sent
        assertThat(subjects()).containsExactlyInAnyOrder(subject(weekBefore), subject(weekBefore), subject(week), subject(week));
        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subjectOf(m).equals(subject(week))).findFirst().orElseThrow();
        assertThat(List.of(mail.getAllRecipients()).toString()).contains("kcc-team@gemeente.test", "communicatie@gemeente.test");
        Multipart parts = (Multipart) mail.getContent();
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("openbare-ruimte").contains("WK036394").contains("/dashboard?topic=openbare-ruimte");
        assertThat(parts.getCount()).as("message and PDF attachment").isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("tamtam-2025-10-20.pdf");
        Files.writeString(Path.of("target/screenshots/bulletin-mail.eml"), GreenMailUtil.getWholeMessage(mail));
        assertThat(bulletins.isSent(week)).isTrue();
    }

    private List<String> subjects() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(BulletinTests::subjectOf).toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(LocalDate week) {
        return "Tamtam: wat steeg of daalde in week " + week;
    }

    @Test
    void dueWeek_isTheWeekBeforeTheLastMondaySevenOClock() {
        ZonedDateTime sunday = ZonedDateTime.of(2026, 11, 22, 23, 0, 0, 0, ContactAnalytics.ZONE);
        assertThat(Bulletins.dueWeek(sunday.toInstant())).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(Bulletins.dueWeek(sunday.plusHours(8).toInstant())).isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void badWeek_400NamingIt() {
        ResponseEntity<String> response = new Http(rest).post("/api/v1/bulletins", "{\"week\":\"2025-13-45\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(response)).containsExactly("#/week");
        assertThat(rest.getForEntity("/api/v1/bulletins/1999-01-04", String.class).getStatusCode().value()).isEqualTo(404);
    }
}
