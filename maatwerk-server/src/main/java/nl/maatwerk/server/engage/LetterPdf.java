package nl.maatwerk.server.engage;

import static nl.maatwerk.core.template.LetterLayout.*;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import nl.maatwerk.core.template.LetterBlock;
import nl.maatwerk.core.template.LetterContent;

/**
 * Lays out a {@link LetterContent} on A4 after {@link nl.maatwerk.core.template.LetterLayout}: letterhead with the
 * municipality's logo (a configured PNG/JPEG, or a drawn shield), the return address and the recipient's address in
 * the DIN 5008 window field, the reference block with the date, the subject and body, fold marks, and
 * "Pagina n van m" on every page (m filled in when the document closes).
 */
final class LetterPdf {

    private static final Color HOUSE = new Color(0x1f, 0x4e, 0x79);
    private static final Font SUBJECT = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10.5f);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10.5f);
    private static final float ADDRESS_LEADING_MM = 4.4f;

    private final DeliverySettings.Letter settings;
    private final byte[] logo;

    LetterPdf(DeliverySettings.Letter settings) {
        this.settings = settings;
        try {
            this.logo = settings.logo() == null || settings.logo().toString().isEmpty() ? null : Files.readAllBytes(settings.logo());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the letter logo " + settings.logo() + ": " + e.getMessage(), e);
        }
    }

    /** The rendered PDF and its number of pages. */
    record Rendered(byte[] pdf, int pages) {
    }

    Rendered render(LetterContent letter, String reference) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document document = new Document(PageSize.A4, points(BODY_LEFT_MM), points(BODY_RIGHT_MM),
                points(BODY_TOP_FIRST_PAGE_MM), points(BODY_BOTTOM_MM));
        Letterhead letterhead = new Letterhead(letter, reference);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(letterhead);
            document.addTitle(letter.subject());
            document.addAuthor(settings.municipality());
            document.open();
            document.setMargins(points(BODY_LEFT_MM), points(BODY_RIGHT_MM), points(BODY_TOP_NEXT_PAGES_MM),
                    points(BODY_BOTTOM_MM));
            Paragraph subject = new Paragraph(letter.subject(), SUBJECT);
            subject.setSpacingAfter(12);
            document.add(subject);
            for (LetterBlock block : letter.blocks()) {
                document.add(paragraph(block));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the letter: " + e.getMessage(), e);
        }
        return new Rendered(out.toByteArray(), letterhead.pages);
    }

    private static Paragraph paragraph(LetterBlock block) {
        return switch (block.kind()) {
            case HEADING -> {
                Paragraph p = new Paragraph(block.text(), HEADING);
                p.setSpacingBefore(6);
                p.setSpacingAfter(3);
                yield p;
            }
            case PARAGRAPH -> {
                Paragraph p = new Paragraph(14, block.text(), BODY);
                p.setSpacingAfter(8);
                yield p;
            }
            case LIST_ITEM -> {
                Paragraph p = new Paragraph(14, block.marker() + "  " + block.text(), BODY);
                p.setIndentationLeft(14);
                p.setFirstLineIndent(-10);
                p.setSpacingAfter(3);
                yield p;
            }
        };
    }

    /** Draws what is not flowing text: letterhead and address on page 1, fold marks and page numbers on all. */
    private final class Letterhead extends PdfPageEventHelper {

        private final LetterContent letter;
        private final String reference;
        private PdfTemplate total;
        private BaseFont regular;
        private BaseFont bold;
        int pages;

        Letterhead(LetterContent letter, String reference) {
            this.letter = letter;
            this.reference = reference;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 12);
            try {
                regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
                bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            int page = writer.getPageNumber();
            pages = page;
            if (page == 1) {
                drawLogo(canvas);
                drawAddress(canvas);
                drawReference(canvas);
                drawFoldMarks(canvas);
            }
            String label = "Pagina " + page + " van ";
            float right = points(PAGE_WIDTH_MM - BODY_RIGHT_MM);
            float y = points(PAGE_NUMBER_FROM_BOTTOM_MM);
            float totalWidth = regular.getWidthPoint("999", 8);
            canvas.beginText();
            canvas.setFontAndSize(regular, 8);
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.showTextAligned(Element.ALIGN_RIGHT, label, right - totalWidth, y, 0);
            canvas.endText();
            canvas.addTemplate(total, right - totalWidth, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(regular, 8);
            total.setColorFill(Color.DARK_GRAY);
            total.showText(Integer.toString(writer.getPageNumber() - 1));
            total.endText();
        }

        private void drawLogo(PdfContentByte canvas) {
            float left = points(LOGO_LEFT_MM);
            float top = PageSize.A4.getHeight() - points(LOGO_TOP_MM);
            if (logo != null) {
                try {
                    Image image = Image.getInstance(logo);
                    image.scaleToFit(points(LOGO_MAX_WIDTH_MM), points(LOGO_MAX_HEIGHT_MM));
                    image.setAbsolutePosition(left, top - image.getScaledHeight());
                    canvas.addImage(image);
                    return;
                } catch (DocumentException | IOException e) {
                    throw new IllegalStateException("cannot place the letter logo: " + e.getMessage(), e);
                }
            }
            // a drawn shield with a stylised tower, next to the municipality's name
            float w = points(14);
            float h = points(17);
            float bottom = top - h;
            canvas.saveState();
            canvas.setColorFill(HOUSE);
            canvas.moveTo(left, top);
            canvas.lineTo(left + w, top);
            canvas.lineTo(left + w, bottom + h * 0.4f);
            canvas.curveTo(left + w, bottom + h * 0.1f, left + w * 0.6f, bottom, left + w / 2, bottom);
            canvas.curveTo(left + w * 0.4f, bottom, left, bottom + h * 0.1f, left, bottom + h * 0.4f);
            canvas.closePath();
            canvas.fill();
            canvas.setColorFill(Color.WHITE);
            canvas.rectangle(left + w * 0.38f, bottom + h * 0.25f, w * 0.24f, h * 0.5f);
            canvas.fill();
            canvas.moveTo(left + w * 0.3f, bottom + h * 0.75f);
            canvas.lineTo(left + w * 0.5f, bottom + h * 0.9f);
            canvas.lineTo(left + w * 0.7f, bottom + h * 0.75f);
            canvas.closePath();
            canvas.fill();
            canvas.restoreState();
            canvas.beginText();
            canvas.setFontAndSize(bold, 14);
            canvas.setColorFill(HOUSE);
            canvas.showTextAligned(Element.ALIGN_LEFT, settings.municipality(), left + w + points(4), top - points(9), 0);
            canvas.endText();
        }

        private void drawAddress(PdfContentByte canvas) {
            float x = points(ADDRESS_TEXT_LEFT_MM);
            float returnBaseline = PageSize.A4.getHeight() - points(ADDRESS_TOP_MM - 2);
            canvas.beginText();
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.setFontAndSize(regular, 7);
            canvas.showTextAligned(Element.ALIGN_LEFT, settings.returnAddress(), x, returnBaseline, 0);
            canvas.setColorFill(Color.BLACK);
            canvas.setFontAndSize(regular, 10);
            List<String> lines = letter.addressLines();
            for (int i = 0; i < lines.size(); i++) {
                float baseline = PageSize.A4.getHeight() - points(ADDRESS_TOP_MM + ADDRESS_LEADING_MM * (i + 1));
                canvas.showTextAligned(Element.ALIGN_LEFT, lines.get(i), x, baseline, 0);
            }
            canvas.endText();
        }

        private void drawReference(PdfContentByte canvas) {
            float x = points(REFERENCE_LEFT_MM);
            float y = PageSize.A4.getHeight() - points(REFERENCE_TOP_MM);
            String[][] rows = {{"Datum", letter.dateText()}, {"Ons kenmerk", reference}};
            canvas.beginText();
            for (String[] row : rows) {
                canvas.setColorFill(Color.DARK_GRAY);
                canvas.setFontAndSize(regular, 7.5f);
                canvas.showTextAligned(Element.ALIGN_LEFT, row[0], x, y, 0);
                canvas.setColorFill(Color.BLACK);
                canvas.setFontAndSize(regular, 9.5f);
                canvas.showTextAligned(Element.ALIGN_LEFT, row[1], x, y - 11, 0);
                y -= 26;
            }
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.setFontAndSize(regular, 7.5f);
            for (String line : settings.senderLines().split("\\|")) {
                canvas.showTextAligned(Element.ALIGN_LEFT, line.strip(), x, y, 0);
                y -= 10;
            }
            canvas.endText();
        }

        private void drawFoldMarks(PdfContentByte canvas) {
            canvas.saveState();
            canvas.setLineWidth(0.3f);
            canvas.setColorStroke(Color.GRAY);
            for (double mm : new double[] {FOLD_MARK_1_MM, FOLD_MARK_2_MM}) {
                float y = PageSize.A4.getHeight() - points(mm);
                canvas.moveTo(points(5), y);
                canvas.lineTo(points(10), y);
            }
            float punch = PageSize.A4.getHeight() - points(PUNCH_MARK_MM);
            canvas.moveTo(points(5), punch);
            canvas.lineTo(points(12), punch);
            canvas.stroke();
            canvas.restoreState();
        }
    }
}
