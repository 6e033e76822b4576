package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application with the settings a command chose. */
final class ServerLauncher {

    private static volatile boolean serving;

    private ServerLauncher() {
    }

    static boolean isServing() {
        return serving;
    }

    static ConfigurableApplicationContext serve(int port, Path dataDir, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>(extra);
        props.put("server.port", port);
        props.put("maatwerk.data-dir", dataDir.toString());
        SpringApplication app = new SpringApplication(MaatwerkCommand.application);
        ConfigurableApplicationContext context = app.run(arguments(props));
        serving = true;
        return context;
    }

    static ConfigurableApplicationContext withoutWeb(Path dataDir) {
        SpringApplication app = new SpringApplication(MaatwerkCommand.application);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(arguments(Map.of("maatwerk.data-dir", dataDir.toString(), "logging.level.root", "warn",
                "maatwerk.background", "false")));
    }

    /** Command-line style arguments, which outrank application.yml but not the environment's MAATWERK_DB_URL. */
    private static String[] arguments(Map<String, Object> props) {
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
