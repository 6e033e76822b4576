package nl.maatwerk.core.template;

/**
 * Where things go on an A4 letter so the address shows in the window of a C5/6 or DL window envelope ("venster
 * links"), in millimetres from the page's top-left corner. OpenPDF measures in points from the bottom-left: use
 * {@link #points(double)} and {@link #fromBottom(double, double)}.
 *
 * <p>Source and assumption: the address field follows DIN 5008 form B (the European norm that Dutch window
 * envelopes are made for: DIN 680 / ISO 269 DL and C5/6 with a 90 × 45 mm window at 20 mm from the left and 15 mm
 * from the bottom of the envelope): 85 × 45 mm at 20 mm from the left and 45 mm from the top, of which the upper
 * 17.7 mm is the return-address zone ("retouradres", small print) and the lower 27.3 mm holds at most six address
 * lines. Folded in three at the fold marks (105 and 210 mm), the field sits behind the window with a few mm to spare
 * either way. The letterhead, body and footer positions are Maatwerk's choice, not a norm. Check a printed proof
 * against the municipality's own envelopes before the first mailing.
 */
public final class LetterLayout {

    public static final double PAGE_WIDTH_MM = 210;
    public static final double PAGE_HEIGHT_MM = 297;

    /** The whole address field (return zone + address zone), DIN 5008 form B. */
    public static final double ADDRESS_FIELD_LEFT_MM = 20;
    public static final double ADDRESS_FIELD_TOP_MM = 45;
    public static final double ADDRESS_FIELD_WIDTH_MM = 85;
    public static final double ADDRESS_FIELD_HEIGHT_MM = 45;
    /** The return-address zone at the top of the field (one line of small print, bottom-aligned). */
    public static final double RETURN_ZONE_HEIGHT_MM = 17.7;
    /** The address lines start here, below the return zone: 45 + 17.7 mm. */
    public static final double ADDRESS_TOP_MM = ADDRESS_FIELD_TOP_MM + RETURN_ZONE_HEIGHT_MM;
    /** Text inside the field is indented by 5 mm so it stays clear of the window's edge. */
    public static final double ADDRESS_TEXT_LEFT_MM = 25;

    /** Fold marks for folding in three into a DL / C5/6 envelope, and the hole-punch mark. */
    public static final double FOLD_MARK_1_MM = 105;
    public static final double FOLD_MARK_2_MM = 210;
    public static final double PUNCH_MARK_MM = 148.5;

    /** The letterhead (logo) zone above the address field; the logo is fitted in this box. */
    public static final double LOGO_LEFT_MM = 20;
    public static final double LOGO_TOP_MM = 10;
    public static final double LOGO_MAX_WIDTH_MM = 60;
    public static final double LOGO_MAX_HEIGHT_MM = 30;

    /** Reference block (date, "ons kenmerk", contact) to the right of the address field. */
    public static final double REFERENCE_LEFT_MM = 125;
    public static final double REFERENCE_TOP_MM = 50;

    /** Body text: margins on page 1 (below the address field) and on the following pages. */
    public static final double BODY_LEFT_MM = 25;
    public static final double BODY_RIGHT_MM = 20;
    public static final double BODY_TOP_FIRST_PAGE_MM = 100;
    public static final double BODY_TOP_NEXT_PAGES_MM = 25;
    public static final double BODY_BOTTOM_MM = 25;

    /** Page number ("Pagina 1 van 2") baseline, right-aligned to the body's right edge. */
    public static final double PAGE_NUMBER_FROM_BOTTOM_MM = 12;

    private static final double POINTS_PER_MM = 72 / 25.4;

    private LetterLayout() {
    }

    /** {@code mm} in PDF points (1/72 inch). */
    public static float points(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    /** A distance from the top of the page, {@code topMm}, as a PDF y coordinate (points from the bottom). */
    public static float fromBottom(double topMm, double heightMm) {
        return points(PAGE_HEIGHT_MM - topMm - heightMm);
    }
}
