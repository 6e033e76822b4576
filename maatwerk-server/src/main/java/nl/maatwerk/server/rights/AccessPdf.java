package nl.maatwerk.server.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The access export as an A4 PDF a citizen can read: one section per kind of data, each row as field and value. The
 * section texts are in Dutch or English; field names are the database's, so nothing is left out by a translation.
 */
@Component
class AccessPdf {

    private static final Color BLUE = new Color(0x01, 0x68, 0x9b);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16, BLUE);
    private static final Font SECTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, BLUE);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);

    private final MessageSource messages;
    private final ObjectMapper json;

    AccessPdf(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    byte[] render(Map<String, Object> export, Locale locale) {
        JsonNode data = json.valueToTree(export);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 45, 45, 45, 45);
        try {
            PdfWriter.getInstance(document, out);
            HeaderFooter footer = new HeaderFooter(new Phrase("Maatwerk · " + text("rights.pdf.title", locale) + " · ", SMALL), true);
            footer.setAlignment(Element.ALIGN_RIGHT);
            footer.setBorder(0);
            document.setFooter(footer);
            document.open();
            document.add(new Paragraph(text("rights.pdf.title", locale), TITLE));
            Paragraph intro = new Paragraph(messages.getMessage("rights.pdf.intro",
                    new Object[] {data.path("madeAt").asText()}, locale), BODY);
            intro.setSpacingAfter(8);
            document.add(intro);
            section(document, text("rights.pdf.profile", locale));
            document.add(fields(data.path("profile")));
            section(document, text("rights.pdf.attributes", locale));
            rows(document, data.path("attributes"), locale);
            section(document, text("rights.pdf.segments", locale));
            rows(document, data.path("segments"), locale);
            section(document, text("rights.pdf.audit", locale));
            rows(document, data.path("auditEntries"), locale);
            for (Iterator<Map.Entry<String, JsonNode>> it = data.path("tables").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> table = it.next();
                section(document, messages.getMessage("rights.pdf.table", new Object[] {table.getKey()}, locale));
                rows(document, table.getValue(), locale);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the access export PDF: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void section(Document document, String title) throws DocumentException {
        Paragraph p = new Paragraph(title, SECTION);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private void rows(Document document, JsonNode rows, Locale locale) throws DocumentException {
        if (!rows.isArray() || rows.isEmpty()) {
            document.add(new Paragraph(text("rights.pdf.none", locale), SMALL));
            return;
        }
        for (JsonNode row : rows) {
            PdfPTable table = fields(row);
            table.setSpacingAfter(4);
            document.add(table);
        }
    }

    private static PdfPTable fields(JsonNode row) {
        PdfPTable table = new PdfPTable(new float[] {1, 3});
        table.setWidthPercentage(100);
        row.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                return;
            }
            table.addCell(cell(field.getKey(), BOLD));
            JsonNode v = field.getValue();
            table.addCell(cell(v.isValueNode() ? v.asText() : v.toString(), BODY));
        });
        if (table.size() == 0) {
            table.addCell(cell("-", BODY));
            table.addCell(cell("-", BODY));
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorderColor(Color.LIGHT_GRAY);
        cell.setPadding(3);
        return cell;
    }
}
