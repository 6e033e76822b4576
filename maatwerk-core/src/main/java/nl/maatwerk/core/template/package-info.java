/**
 * Message templates for proactive engagement: GOV.UK Notify-style placeholders, rendered per channel, and a Dutch
 * readability check for the editor.
 *
 * <p>The public face:
 * <ul>
 * <li>{@link nl.maatwerk.core.template.Template}: parses {@code ((name))} and {@code ((name??optional text))}
 * (a {@link nl.maatwerk.core.template.TemplateSyntaxException} names line and column), lists its
 * {@code placeholders()} and renders; a missing value is a {@link nl.maatwerk.core.template.MissingPlaceholders}
 * listing every missing name, never an empty hole;</li>
 * <li>the channels, each with {@code of(…)}, {@code placeholders()}, {@code missing(values)} and
 * {@code render(values)}: {@link nl.maatwerk.core.template.EmailTemplate} →
 * {@link nl.maatwerk.core.template.RenderedEmail} (subject, HTML, plain text);
 * {@link nl.maatwerk.core.template.SmsTemplate} → {@link nl.maatwerk.core.template.SmsMessage} with its
 * {@link nl.maatwerk.core.template.SmsLength} (GSM-7 or UCS-2, parts);
 * {@link nl.maatwerk.core.template.WhatsAppTemplate} → {@link nl.maatwerk.core.template.WhatsAppMessage}
 * (approved template name and ordered parameters); {@link nl.maatwerk.core.template.PushTemplate} →
 * {@link nl.maatwerk.core.template.PushMessage}; {@link nl.maatwerk.core.template.LetterTemplate} →
 * {@link nl.maatwerk.core.template.LetterContent} for the server's PDF, laid out by
 * {@link nl.maatwerk.core.template.LetterLayout}; a text over a channel's limit is a
 * {@link nl.maatwerk.core.template.ChannelLimitExceeded};</li>
 * <li>{@link nl.maatwerk.core.template.ReadabilityCheck} → {@link nl.maatwerk.core.template.ReadabilityReport}
 * with {@link nl.maatwerk.core.template.ReadabilityFinding}s and a B1 verdict.</li>
 * </ul>
 * Everything else (the parser, Markdown handling, the GSM alphabet, the Dutch sentence splitter, syllable counter,
 * passive-voice heuristic and jargon list) is package-private. Syntax, limits and thresholds are described in
 * {@code docs/templates.md}. No Spring here: the server wires these into previews and sending.
 */
package nl.maatwerk.core.template;
