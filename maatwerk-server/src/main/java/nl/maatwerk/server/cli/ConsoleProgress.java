package nl.maatwerk.server.cli;

import java.io.PrintStream;
import nl.maatwerk.server.platform.ProgressListener;

/** A one-line progress bar on the terminal: {@code label [#######.....]  58%}. */
final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long started = System.nanoTime();
    private int lastPercent = -1;

    ConsoleProgress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public synchronized void progress(long done, long total) {
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r%-28s [%s%s] %3d%%", label, "#".repeat(filled), ".".repeat(WIDTH - filled), percent);
        out.flush();
    }

    /** Ends the line with what was done and how long it took. */
    void done(String summary) {
        progress(1, 1);
        out.printf("  %s (%.1f s)%n", summary, (System.nanoTime() - started) / 1e9);
    }
}
