package nl.maatwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OpenID Connect login against a real, minimal identity provider in the test (authorization, token and JWKS
 * endpoints; RS256-signed ID tokens), registered in application-test.yml as {@code test-idp}. Its {@code groups} claim
 * maps onto our roles through {@code maatwerk.security.oidc-role-mapping}.
 */
@ApiTest
class OidcLoginTests {

    static final int IDP_PORT = 39477;   // also in application-test.yml
    static final String ISSUER = "http://localhost:" + IDP_PORT;

    static HttpServer idp;
    static RSAKey signingKey;
    static final Map<String, String> nonceByCode = new ConcurrentHashMap<>();
    static volatile List<String> groups = List.of();
    static volatile String userName = "anna";

    @LocalServerPort
    int port;

    @BeforeAll
    static void identityProvider() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        idp = HttpServer.create(new InetSocketAddress("localhost", IDP_PORT), 0);
        idp.createContext("/authorize", OidcLoginTests::authorize);
        idp.createContext("/token", OidcLoginTests::token);
        idp.createContext("/jwks", exchange -> send(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString()));
        idp.start();
    }

    @AfterAll
    static void stop() {
        idp.stop(0);
    }

    /** Logs the user in at once and sends the browser back with a code, as an IdP does after its own login page. */
    static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        nonceByCode.put(code, query.get("nonce"));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce = nonceByCode.remove(body.get("code"));
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("maatwerk:test-secret".getBytes(StandardCharsets.UTF_8));
        if (nonce == null || !expected.equals(basic)) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("sub-" + userName).audience("maatwerk")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce)
                    .claim("preferred_username", userName).claim("groups", groups).build();
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            idToken.sign(new RSASSASigner(signingKey));
            send(exchange, 200, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"scope\":\"openid\",\"id_token\":\"" + idToken.serialize() + "\"}");
        } catch (Exception e) {
            send(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void loginPage_offersTheConfiguredProvider() throws Exception {
        String page = new WebSession(port).get("/login").body();
        assertThat(page).contains("Inloggen met Test-IdP").contains("/oauth2/authorization/test-idp");
        assertThat(new WebSession(port).get("/login?lang=en").body()).contains("Log in with Test-IdP");
    }

    @Test
    void providerLogin_mapsTheGroupsClaimOntoOurRole() throws Exception {
        groups = List.of("kcc-agents", "some-other-group");
        userName = "anna.kcc";
        WebSession session = new WebSession(port, HttpClient.Redirect.NORMAL);
        HttpResponse<String> landed = session.get("/oauth2/authorization/test-idp");
        assertThat(landed.statusCode()).as(landed.uri().toString()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).contains("anna.kcc").contains(">kcc<");
        assertThat(session.get("/citizens").statusCode()).isEqualTo(200);
        assertThat(session.get("/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void providerLogin_withoutAKnownGroup_getsNoRoleAndNoAccess() throws Exception {
        groups = List.of("everyone");
        userName = "bert";
        WebSession session = new WebSession(port, HttpClient.Redirect.NORMAL);
        HttpResponse<String> landed = session.get("/oauth2/authorization/test-idp");
        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(session.get("/citizens").statusCode()).isEqualTo(403);
    }
}
