package nl.maatwerk.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, for looking at pages as a person would: the rendered DOM and a screenshot. */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Chromium() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), "Debian's chromium is not installed (apt-get install chromium); .ci/run installs it");
    }

    /** The DOM after scripts ran (charts drawn). */
    static String renderedDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    static Path screenshot(String url, String name) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name).toAbsolutePath();
        run(List.of("--window-size=1300,1100", "--screenshot=" + file, url));
        return file;
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--virtual-time-budget=5000", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 60 s: " + command);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
