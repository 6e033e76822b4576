package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.LetterContent;

/**
 * Letters for the print street: each claimed batch becomes PDFs plus a manifest ({@code <batch>.manifest.json}: file,
 * idempotency key, page count, address lines, SHA-256 per letter) in the drop folder. Every file is written under a
 * temporary name, flushed to disk and renamed; the manifest comes last, so the print street, which picks up a batch
 * when its manifest appears, never sees half a batch. A batch written again after a crash repeats idempotency keys
 * the print street has seen; it skips those.
 */
final class LetterProvider implements DeliveryProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DeliverySettings.Letter settings;
    private final LetterPdf pdf;

    LetterProvider(DeliverySettings.Letter settings) {
        this.settings = settings;
        this.pdf = new LetterPdf(settings);
    }

    @Override
    public String name() {
        return "print-street";
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public boolean ready() {
        return settings.dropFolder() != null && !settings.dropFolder().toString().isEmpty();
    }

    LetterPdf.Rendered render(LetterContent letter, String reference) {
        return pdf.render(letter, reference);
    }

    @Override
    public DeliveryOutcome send(QueuedMessage message) {
        return sendBatch(List.of(message), Instant.now()).get(0);
    }

    /** Writes one batch; all letters share the outcome of writing the manifest. */
    List<DeliveryOutcome> sendBatch(List<QueuedMessage> letters, Instant now) {
        String batch = "maatwerk-" + BATCH_TIME.format(now) + "-" + letters.get(0).id();
        List<DeliveryOutcome> outcomes = new ArrayList<>(letters.size());
        try {
            Path folder = Files.createDirectories(settings.dropFolder());
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("batch", batch);
            manifest.put("createdAt", now.toString());
            manifest.put("sender", settings.municipality());
            ArrayNode items = manifest.putArray("letters");
            for (QueuedMessage letter : letters) {
                LetterContent content = (LetterContent) letter.body();
                LetterPdf.Rendered rendered = pdf.render(content, reference(letter));
                String file = batch + "-" + letter.id() + ".pdf";
                writeAtomically(folder.resolve(file), rendered.pdf());
                ObjectNode item = items.addObject();
                item.put("file", file);
                item.put("idempotencyKey", letter.idempotencyKey());
                item.put("pages", rendered.pages());
                content.addressLines().forEach(item.putArray("addressLines")::add);
                item.put("sha256", sha256(rendered.pdf()));
            }
            writeAtomically(folder.resolve(batch + ".manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            for (QueuedMessage letter : letters) {
                outcomes.add(new DeliveryOutcome.Accepted(batch + "-" + letter.id() + ".pdf", true));
            }
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < letters.size(); i++) {
                outcomes.add(new DeliveryOutcome.Temporary("print street drop folder: " + e, null));
            }
        }
        return outcomes;
    }

    static String reference(QueuedMessage letter) {
        return "MW-" + letter.id();
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
