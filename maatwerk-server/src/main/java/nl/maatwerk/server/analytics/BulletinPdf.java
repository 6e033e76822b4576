package nl.maatwerk.server.analytics;

import com.lowagie.text.Chunk;
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
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A bulletin as an A4 PDF (OpenPDF): heading, introduction, the findings as a numbered table, the method. */
@Component
class BulletinPdf {

    private static final Color BLUE = new Color(0x01, 0x68, 0x9b);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16, BLUE);
    private static final Font SECTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, BLUE);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9.5f);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9.5f);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);
    private static final Font LINK = FontFactory.getFont(FontFactory.HELVETICA, 8, Font.UNDERLINE, BLUE);

    private final BulletinWords words;
    private final MessageSource messages;
    private final String publicUrl;

    BulletinPdf(BulletinWords words, MessageSource messages, @Value("${maatwerk.public-url:http://localhost:8080}") String publicUrl) {
        this.words = words;
        this.messages = messages;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    byte[] render(BulletinReport report, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            HeaderFooter footer = new HeaderFooter(new Phrase("Maatwerk · tamtam " + report.week() + " · ", SMALL), true);
            footer.setAlignment(Element.ALIGN_RIGHT);
            footer.setBorder(0);
            document.setFooter(footer);
            document.open();
            document.add(new Paragraph(messages.getMessage("bulletin.title", new Object[] {report.week().toString()}, locale), TITLE));
            Paragraph intro = new Paragraph(intro(report, locale), BODY);
            intro.setSpacingBefore(6);
            intro.setSpacingAfter(10);
            document.add(intro);
            if (report.quiet()) {
                document.add(new Paragraph(messages.getMessage("bulletin.quiet", null, locale), BOLD));
            }
            section(document, report, locale, "counts", List.of("RISE", "FALL"));
            section(document, report, locale, "satisfaction", List.of("SATISFACTION_DROP"));
            section(document, report, locale, "shifts", List.of("CHANNEL_SHIFT"));
            Paragraph method = new Paragraph(messages.getMessage("bulletin.method", null, locale), SMALL);
            method.setSpacingBefore(12);
            document.add(method);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the bulletin PDF: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private String intro(BulletinReport r, Locale locale) {
        return messages.getMessage("bulletin.intro", new Object[] {r.week().toString(), r.weekEnd().toString(),
                r.baselineWeeks(), r.baselineFrom().toString(), r.week().minusDays(1).toString(), r.tested(), r.untested(),
                Math.round(100 * r.falseDiscoveryRate())}, locale);
    }

    private void section(Document document, BulletinReport report, Locale locale, String name, List<String> kinds)
            throws DocumentException {
        List<BulletinItem> items = report.items().stream().filter(i -> kinds.contains(i.kind())).toList();
        if (items.isEmpty()) {
            return;
        }
        Paragraph heading = new Paragraph(messages.getMessage("bulletin.section." + name, null, locale), SECTION);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(4);
        document.add(heading);
        PdfPTable table = new PdfPTable(new float[] {0.4f, 9.6f});
        table.setWidthPercentage(100);
        int n = report.items().indexOf(items.get(0)) + 1;
        for (BulletinItem item : items) {
            table.addCell(cell(new Phrase(n++ + ".", BOLD)));
            Paragraph text = new Paragraph();
            text.add(new Chunk(words.heading(item, locale) + ": " + words.subject(item, locale), BOLD));
            text.add(new Chunk("\n" + words.finding(item, report.k(), locale) + " ", BODY));
            text.add(new Chunk(words.certainty(item, locale) + "\n", SMALL));
            Chunk link = new Chunk(messages.getMessage("bulletin.open", null, locale), LINK);
            link.setAnchor(publicUrl + item.link());
            text.add(link);
            table.addCell(cell(text));
        }
        document.add(table);
    }

    private static PdfPCell cell(Phrase content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(new Color(0xe3, 0xe3, 0xe3));
        cell.setPaddingBottom(6);
        cell.setPaddingTop(4);
        return cell;
    }
}
