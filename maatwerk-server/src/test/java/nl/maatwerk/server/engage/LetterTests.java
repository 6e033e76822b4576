package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.LetterBlock;
import nl.maatwerk.core.template.LetterContent;
import nl.maatwerk.core.template.LetterLayout;
import nl.maatwerk.server.ApiTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Letters through the outbox into the print street's drop folder: PDF text, window position, manifest, and a look. */
@ApiTest
class LetterTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Outbox outbox;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    static LetterContent letter(String name) {
        List<LetterBlock> blocks = new ArrayList<>();
        blocks.add(new LetterBlock(LetterBlock.Kind.PARAGRAPH, "", "Beste " + name + ","));
        blocks.add(new LetterBlock(LetterBlock.Kind.PARAGRAPH, "", "Uw paspoort verloopt op 14 februari 2027. Vraag op tijd"
                + " een nieuw paspoort aan: dat duurt ongeveer een week. Maak een afspraak op www.maatwerk.nl/afspraak of bel 14 020."));
        blocks.add(new LetterBlock(LetterBlock.Kind.HEADING, "", "Wat neemt u mee?"));
        blocks.add(new LetterBlock(LetterBlock.Kind.LIST_ITEM, "•", "uw huidige paspoort"));
        blocks.add(new LetterBlock(LetterBlock.Kind.LIST_ITEM, "•", "een pasfoto die niet ouder is dan zes maanden"));
        for (int i = 1; i <= 14; i++) {
            blocks.add(new LetterBlock(LetterBlock.Kind.PARAGRAPH, "", "Alinea " + i + ": reist u binnenkort? Controleer dan"
                    + " ook of uw bestemming een paspoort vraagt dat nog zes maanden geldig is na terugkomst."));
        }
        blocks.add(new LetterBlock(LetterBlock.Kind.PARAGRAPH, "", "Met vriendelijke groet,\nGemeente Maatwerk"));
        return new LetterContent(List.of(name, "Dorpsstraat 12", "1234 AB  MAATWERK"), LocalDate.of(2026, 12, 7),
                "7 december 2026", "Uw paspoort verloopt", blocks);
    }

    @Test
    void letter_isWrittenToTheDropFolder_withTheAddressInTheWindow() throws Exception {
        UUID citizen = UUID.randomUUID();
        jdbc.update("insert into citizen (id, birth_date, household_type) values (?, date '1970-01-01', 'single')", citizen);
        String key = "test-letter-" + UUID.randomUUID();
        outbox.enqueue(new OutgoingMessage(key, citizen, "paspoort-verloopt", Channel.LETTER, "proactive_service", null,
                letter("J. de Vries"), Instant.now().minusSeconds(1)));
        while (dispatcher.dispatchDue(Channel.LETTER, Instant.now()) > 0) {
            // next batch
        }
        assertThat(jdbc.queryForObject("select status from outbox_message where idempotency_key = ?", String.class, key))
                .isEqualTo("delivered");

        Path drop = Path.of("target/print-street");
        JsonNode item = null;
        try (Stream<Path> manifests = Files.list(drop)) {
            for (Path m : manifests.filter(p -> p.toString().endsWith(".manifest.json")).toList()) {
                for (JsonNode l : JSON.readTree(m.toFile()).path("letters")) {
                    if (l.path("idempotencyKey").asText().equals(key)) {
                        item = l;
                    }
                }
            }
        }
        assertThat(item).as("manifest entry").isNotNull();
        try (Stream<Path> files = Files.list(drop)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        byte[] pdf = Files.readAllBytes(drop.resolve(item.path("file").asText()));
        assertThat(LetterProvider.sha256(pdf)).isEqualTo(item.path("sha256").asText());
        assertThat(item.path("addressLines").toString()).isEqualTo("[\"J. de Vries\",\"Dorpsstraat 12\",\"1234 AB  MAATWERK\"]");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2).isEqualTo(item.path("pages").asInt());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Uw paspoort verloopt").contains("Pagina 1 van 2").contains("Pagina 2 van 2")
                    .contains("7 december 2026").contains("Gemeente Maatwerk");

            PDFTextStripperByArea window = new PDFTextStripperByArea();
            float mm = 72 / 25.4f;
            window.addRegion("address", new Rectangle2D.Float((float) LetterLayout.ADDRESS_FIELD_LEFT_MM * mm,
                    (float) LetterLayout.ADDRESS_TOP_MM * mm, (float) LetterLayout.ADDRESS_FIELD_WIDTH_MM * mm,
                    (float) (LetterLayout.ADDRESS_FIELD_HEIGHT_MM - LetterLayout.RETURN_ZONE_HEIGHT_MM) * mm));
            window.addRegion("return", new Rectangle2D.Float((float) LetterLayout.ADDRESS_FIELD_LEFT_MM * mm,
                    (float) LetterLayout.ADDRESS_FIELD_TOP_MM * mm, (float) LetterLayout.ADDRESS_FIELD_WIDTH_MM * mm,
                    (float) LetterLayout.RETURN_ZONE_HEIGHT_MM * mm));
            window.extractRegions(doc.getPage(0));
            assertThat(window.getTextForRegion("address").strip().lines().map(String::strip).toList())
                    .containsExactly("J. de Vries", "Dorpsstraat 12", "1234 AB  MAATWERK");
            assertThat(window.getTextForRegion("return")).contains("Postbus 1000");
            assertThat(window.getTextForRegion("return")).doesNotContain("Vries");

            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 100);
            Path shot = Path.of("target/screenshots/letter-page1.png");
            Files.createDirectories(shot.getParent());
            ImageIO.write(page, "png", shot.toFile());
            assertThat(page.getWidth()).isBetween(820, 830);
        }
    }
}
