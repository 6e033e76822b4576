package nl.maatwerk.core.template;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown through commonmark-java (CommonMark 0.31): HTML with raw HTML escaped and unsafe link schemes
 * ({@code javascript:} and the like) removed, and a plain-text version.
 *
 * <p>Values are put into the Markdown source with every ASCII punctuation character backslash-escaped (CommonMark
 * §2.4), so a citizen's value never becomes markup: {@code *} stays an asterisk and {@code <b>} reaches the HTML
 * as {@code &lt;b&gt;}. Code spans and code blocks are the one place CommonMark keeps backslashes, so after parsing
 * those escapes are taken out of code again (a template author's own backslash before punctuation in code goes too;
 * municipal letters do not need that).
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();

    private MarkdownText() {
    }

    static Node parse(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                code.setLiteral(unescape(code.getLiteral()));
            }

            @Override
            public void visit(FencedCodeBlock code) {
                code.setLiteral(unescape(code.getLiteral()));
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                code.setLiteral(unescape(code.getLiteral()));
            }
        });
        return document;
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

    private static String unescape(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\' && i + 1 < code.length() && code.charAt(i + 1) < 128 && isPunctuation(code.charAt(i + 1))) {
                c = code.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
