package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Turns a Markdown document into {@link LetterBlock}s: headings, paragraphs and list items as plain text.
 * Emphasis is dropped (a letter renderer may add it later); a link becomes "text (address)" because paper
 * cannot be clicked.
 */
final class LetterMarkdown {

    private LetterMarkdown() {
    }

    static List<LetterBlock> blocks(Node document) {
        List<LetterBlock> blocks = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            block(node, blocks);
        }
        return blocks;
    }

    private static void block(Node node, List<LetterBlock> blocks) {
        if (node instanceof Heading) {
            blocks.add(new LetterBlock(LetterBlock.Kind.HEADING, "", inline(node)));
        } else if (node instanceof BulletList) {
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                blocks.add(new LetterBlock(LetterBlock.Kind.LIST_ITEM, "•", itemText(item)));
            }
        } else if (node instanceof OrderedList list) {
            int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                blocks.add(new LetterBlock(LetterBlock.Kind.LIST_ITEM, (number++) + ".", itemText(item)));
            }
        } else if (node instanceof FencedCodeBlock code) {
            blocks.add(new LetterBlock(LetterBlock.Kind.PARAGRAPH, "", code.getLiteral().stripTrailing()));
        } else if (node instanceof IndentedCodeBlock code) {
            blocks.add(new LetterBlock(LetterBlock.Kind.PARAGRAPH, "", code.getLiteral().stripTrailing()));
        } else if (node instanceof BlockQuote) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                block(child, blocks);
            }
        } else if (node instanceof Paragraph) {
            blocks.add(new LetterBlock(LetterBlock.Kind.PARAGRAPH, "", inline(node)));
        }
        // a thematic break (---) and raw HTML have no place on paper
    }

    private static String itemText(Node item) {
        List<String> parts = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            parts.add(child instanceof ListItem ? itemText(child) : inline(child));
        }
        return String.join("\n", parts);
    }

    private static String inline(Node node) {
        StringBuilder out = new StringBuilder();
        appendInline(node, out);
        return out.toString().strip();
    }

    private static void appendInline(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof Code code) {
                out.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak) {
                out.append(' ');
            } else if (child instanceof HardLineBreak) {
                out.append('\n');
            } else if (child instanceof Link link) {
                int start = out.length();
                appendInline(link, out);
                String label = out.substring(start);
                if (!label.equals(link.getDestination())) {
                    out.append(" (").append(link.getDestination()).append(')');
                }
            } else {
                appendInline(child, out);
            }
        }
    }
}
