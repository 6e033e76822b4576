package nl.maatwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class SecurityHeadersTests {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Test
    void everyAnswer_carriesCspWithoutInlineScripts_noFraming_nosniff_referrerPolicy_noHstsOverHttp() throws Exception {
        for (String path : List.of("/login", "/api/v1/registers/purposes", "/css/maatwerk.css")) {
            HttpResponse<String> response = new WebSession(port).get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scripts = Stream.of(csp.split(";")).map(String::strip).filter(d -> d.startsWith("script-src"))
                    .findFirst().orElseThrow();
            assertThat(scripts).isEqualTo("script-src 'self'");
            assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
        }
    }

    @Test
    void templates_holdNoInlineScriptAndNoEventHandlerAttribute() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                assertThat(INLINE_SCRIPT.matcher(html).find()).as(file + " has an inline <script>").isFalse();
                assertThat(EVENT_HANDLER.matcher(html).find()).as(file + " has an on…= handler").isFalse();
            }
        }
    }
}
