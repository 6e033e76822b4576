package nl.maatwerk.server;

import nl.maatwerk.server.cli.MaatwerkCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Maatwerk server; {@link #main} reads the command (demo, serve, generate, import). */
@SpringBootApplication
public class MaatwerkApplication {

    public static void main(String[] args) {
        MaatwerkCommand.run(MaatwerkApplication.class, args);
    }
}
