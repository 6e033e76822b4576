package nl.maatwerk.core.template;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown through commonmark-java (CommonMark 0.31): HTML with raw HTML escaped and unsafe link schemes
 * ({@code javascript:} and the like) removed, and a plain-text version.
 *
 * <p>Values are put into the Markdown source with every ASCII punctuation character backslash-escaped (CommonMark
 * §2.4), so a citizen's value never becomes markup: {@code *} stays an asterisk and {@code <b>} reaches the HTML
 * as {@code &lt;b&gt;}. The one place CommonMark does not honour backslashes is a code span; a value there shows
 * its backslashes, which is why templates should not put placeholders in {@code `code`}.
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private MarkdownText() {
    }

    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    static String html(Node document) {
        return HTML.render(document);
    }

    static String plainText(Node document) {
        return TEXT.render(document);
    }

    /** {@code value} as Markdown source that renders as exactly that text. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128 && isPunctuation(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
