package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * A Markdown body rendered once per set of shown optional texts, with each placeholder kept as an inert sentinel
 * word; a message then only fills its values into the rendered HTML (escaped) and plain text (as they are). That is
 * ~50× cheaper than parsing the whole document per message, and gives byte for byte what
 * {@code MarkdownText.parse(body.render(values, MarkdownText::escape))} gives, which only holds when neither the
 * placeholder's position nor its value could change how the Markdown is read:
 *
 * <ul>
 *   <li>positions: every sentinel stands in a plain text run (not in code, raw HTML, an image, a link title or a
 *       reference definition; no reference definitions at all, so a value can never become a reference label), or
 *       is (the end of) a link destination; none follows an {@code &} that could make it an entity;</li>
 *   <li>values in text: start with a letter and end with a letter or digit (so, like the sentinel, they cannot start
 *       a list item or change which {@code *} and {@code _} open or close emphasis), and hold no control characters
 *       or line separators (so they cannot add a line, paragraph or hard break); everything else is escaped either
 *       way;</li>
 *   <li>values in a link destination: a plain {@code http(s)://} URL (or, after the start, URL characters without
 *       {@code :}), which the URL sanitiser keeps as it is and HTML escaping does not change.</li>
 * </ul>
 *
 * Anything else returns {@code null} and the caller takes the per-message path. {@code CompiledMarkdownTests}
 * compares both paths on many random templates and values.
 */
final class CompiledMarkdown {

    private static final int MAX_FORMS = 64;
    private static final Pattern URL_START = Pattern.compile("https?://[A-Za-z0-9._~:/?#=-]*");
    private static final Pattern URL_REST = Pattern.compile("[A-Za-z0-9._~/?#=-]+");

    private enum Slot { TEXT, URL_START, URL_REST }

    /** One shown-optionals combination: the rendered output cut at the sentinels, or {@link #UNSAFE}. */
    private record Form(String[] names, Slot[] slots, boolean[] midLine, Cut html, Cut text) {
    }

    /** Output pieces between sentinels; {@code slot[i]} is the placeholder index that follows {@code pieces[i]}. */
    private record Cut(String[] pieces, int[] slot) {
        String fill(String[] values) {
            StringBuilder out = new StringBuilder(pieces[pieces.length - 1].length() + 256);
            for (int i = 0; i < slot.length; i++) {
                out.append(pieces[i]).append(values[slot[i]]);
            }
            return out.append(pieces[pieces.length - 1]).toString();
        }
    }

    private static final Form UNSAFE = new Form(null, null, null, null, null);

    private final Template body;
    private final String prefix;
    private final int optionals;
    private final Map<Long, Form> forms = new ConcurrentHashMap<>();

    CompiledMarkdown(Template body) {
        this.body = body;
        String p = "Qxz";
        while (body.text().contains(p)) {
            p += "Qxz";
        }
        this.prefix = p;
        this.optionals = (int) body.parts().stream().filter(Part.OptionalText.class::isInstance).count();
    }

    /** The body's HTML and plain text for {@code values} (all present), or {@code null} when not provably equal. */
    String[] render(Values values) {
        if (optionals > 63) {
            return null;
        }
        long shown = 0;
        int bit = 0;
        for (Part part : body.parts()) {
            if (part instanceof Part.OptionalText optional) {
                if (values.truthy(optional.name())) {
                    shown |= 1L << bit;
                }
                bit++;
            }
        }
        Form form = forms.get(shown);
        if (form == null) {
            if (forms.size() >= MAX_FORMS) {
                return null;   // many optional texts in many combinations: compiling each would cost more than parsing
            }
            form = compile(shown);
            forms.put(shown, form);
        }
        if (form == UNSAFE) {
            return null;
        }
        String[] html = new String[form.names().length];
        String[] text = new String[html.length];
        for (int i = 0; i < html.length; i++) {
            String value = values.text(form.names()[i]);
            if (!fits(form.slots()[i], form.midLine()[i], value)) {
                return null;
            }
            text[i] = value;
            html[i] = form.slots()[i] == Slot.TEXT ? escapeHtml(value) : value;
        }
        return new String[] {form.html().fill(html), form.text().fill(text).strip()};
    }

    private static boolean fits(Slot slot, boolean midLine, String value) {
        return switch (slot) {
            case URL_START -> URL_START.matcher(value).matches();
            case URL_REST -> URL_REST.matcher(value).matches();
            case TEXT -> plainWords(value, midLine);
        };
    }

    /** Words; a value may start with a digit only after a letter on its line (else {@code 5.} could start a list). */
    private static boolean plainWords(String value, boolean midLine) {
        if (value.isEmpty() || !(Character.isLetter(value.charAt(0)) || midLine && Character.isDigit(value.charAt(0)))
                || !Character.isLetterOrDigit(value.charAt(value.length() - 1))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** As commonmark-java's HTML writer escapes text. */
    private static String escapeHtml(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                out.append(entity != null ? entity : String.valueOf(c));
            }
        }
        return out == null ? value : out.toString();
    }

    private String sentinel(int index) {
        return prefix + (char) ('a' + index / 676 % 26) + (char) ('a' + index / 26 % 26) + (char) ('a' + index % 26);
    }

    private Form compile(long shown) {
        List<String> names = new ArrayList<>();
        List<Boolean> midLine = new ArrayList<>();
        StringBuilder source = new StringBuilder(body.text().length() + 64);
        int bit = 0;
        for (Part part : body.parts()) {
            if (part instanceof Part.OptionalText optional) {
                if ((shown & (1L << bit++)) != 0) {
                    for (Part inner : optional.parts()) {
                        append(inner, names, midLine, source);
                    }
                }
            } else {
                append(part, names, midLine, source);
            }
        }
        if (names.size() > 26 * 26 * 26) {
            return UNSAFE;
        }
        String markdown = source.toString();
        if (Pattern.compile("&#?[A-Za-z0-9]*" + prefix).matcher(markdown).find() || count(markdown) != names.size()) {
            return UNSAFE;
        }
        Node document = MarkdownText.parse(markdown);
        Slot[] slots = new Slot[names.size()];
        if (!classify(document, slots)) {
            return UNSAFE;
        }
        Cut html = cut(MarkdownText.html(document), names.size());
        Cut text = cut(MarkdownText.plainText(document).strip(), names.size());
        if (html == null || text == null) {
            return UNSAFE;
        }
        boolean[] mid = new boolean[midLine.size()];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = midLine.get(i);
        }
        return new Form(names.toArray(String[]::new), slots, mid, html, text);
    }

    private void append(Part part, List<String> names, List<Boolean> midLine, StringBuilder source) {
        if (part instanceof Part.Literal literal) {
            source.append(literal.text());
        } else if (part instanceof Part.Placeholder placeholder) {
            midLine.add(letterBefore(source));
            source.append(sentinel(names.size()));
            names.add(placeholder.name());
        }
    }

    /** Whether the template's own text on the current line, before its end, holds a letter. */
    private boolean letterBefore(StringBuilder source) {
        int start = Math.max(source.lastIndexOf("\n"), source.lastIndexOf("\r")) + 1;
        String line = source.substring(start).replaceAll(prefix + "[a-z]{3}", "");
        return line.codePoints().anyMatch(Character::isLetter);
    }

    private int count(String s) {
        int n = 0;
        for (int at = s.indexOf(prefix); at >= 0; at = s.indexOf(prefix, at + prefix.length())) {
            n++;
        }
        return n;
    }

    /** Where each sentinel ended up; false when one stands anywhere but a text run or a link destination. */
    private boolean classify(Node document, Slot[] slots) {
        boolean[] safe = {true};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (!mark(text.getLiteral(), Slot.TEXT)) {
                    safe[0] = false;
                }
            }

            @Override
            public void visit(Link link) {
                String destination = link.getDestination();
                int at = destination.indexOf(prefix);
                if (at >= 0 && !mark(destination, at == 0 ? Slot.URL_START : Slot.URL_REST)) {
                    safe[0] = false;
                }
                if (link.getTitle() != null && (at >= 0 || link.getTitle().contains(prefix))) {
                    safe[0] = false;
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                safe[0] = false;
            }

            @Override
            public void visit(Code code) {
                unsafeIfIn(code.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock code) {
                unsafeIfIn(code.getLiteral());
                unsafeIfIn(code.getInfo());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                unsafeIfIn(code.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                unsafeIfIn(html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                unsafeIfIn(html.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.CustomBlock block) {
                safe[0] = false;
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                safe[0] = false;
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                safe[0] = false;   // a value could then spell a reference label
            }

            private void unsafeIfIn(String literal) {
                if (literal != null && literal.contains(prefix)) {
                    safe[0] = false;
                }
            }

            private boolean mark(String s, Slot slot) {
                for (int at = s.indexOf(prefix); at >= 0; at = s.indexOf(prefix, at + prefix.length())) {
                    int index = index(s, at);
                    if (index < 0 || index >= slots.length || slots[index] != null) {
                        return false;
                    }
                    if (slot != Slot.TEXT && s.indexOf(prefix, at + 1) >= 0) {
                        return false;   // one value per destination
                    }
                    slots[index] = slot;
                }
                return true;
            }
        });
        for (Slot slot : slots) {
            if (slot == null) {
                return false;
            }
        }
        return safe[0];
    }

    private int index(String s, int at) {
        int from = at + prefix.length();
        if (from + 3 > s.length()) {
            return -1;
        }
        int index = 0;
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return -1;
            }
            index = index * 26 + (c - 'a');
        }
        return index;
    }

    /** The output cut at each sentinel, or null when one does not read back. */
    private Cut cut(String output, int count) {
        List<String> pieces = new ArrayList<>();
        List<Integer> slot = new ArrayList<>();
        int from = 0;
        for (int at = output.indexOf(prefix); at >= 0; at = output.indexOf(prefix, from)) {
            int index = index(output, at);
            if (index < 0 || index >= count) {
                return null;
            }
            pieces.add(output.substring(from, at));
            slot.add(index);
            from = at + prefix.length() + 3;
        }
        pieces.add(output.substring(from));
        if (slot.size() != count || slot.stream().distinct().count() != count) {
            return null;   // a sentinel was dropped or doubled (a URL the sanitiser removed, for instance)
        }
        return new Cut(pieces.toArray(String[]::new), slot.stream().mapToInt(Integer::intValue).toArray());
    }
}
