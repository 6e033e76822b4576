package nl.maatwerk.server.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import nl.maatwerk.server.platform.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default: every request must match a {@link PolicyTable} line whose roles include one of the caller's
 * ({@link UnknownRoute} for paths that match no line).
 * Pages log in with the form (or OpenID Connect when a registration is configured) and keep a session; API calls carry
 * {@code Authorization: Bearer mwk_…}, are stateless and need no CSRF token.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

    /** Scripts only from this server: templates hold no inline script and no on…= handler (static/js/*.js instead). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();   // bcrypt, and reads older formats
    }

    /**
     * The only password check. As a bean it also keeps Spring Boot from creating its default in-memory user (whose
     * generated password it would print).
     */
    @Bean
    LocalLogin localLogin(UserAccountStore accounts, SecuritySettings settings, PasswordEncoder encoder) {
        return new LocalLogin(accounts, settings, encoder);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys keys, SecuritySettings settings,
            ObjectProvider<ClientRegistrationRepository> oidc,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.addFilterBefore(new ApiKeyFilter(keys), UsernamePasswordAuthenticationFilter.class);
        UnknownRoute unknown = new UnknownRoute(controllers::getObject);
        http.authorizeHttpRequests(rules -> policy(rules, unknown));
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                        + (e instanceof LockedException ? "/login?locked" : "/login?error"))));
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ApiKeyFilter::hasBearer, SecurityConfig::withoutSession));
        http.exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor((request, response, ex) -> {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    ProblemResponses.write(response, 401, "unauthenticated",
                            "This API needs Authorization: Bearer with an API key");
                }, api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                .defaultAccessDeniedHandlerFor((request, response, ex) -> ProblemResponses.write(response, 403, "forbidden",
                        "None of your roles may use this route"), api));
        RequestMatcher embeddable = SecurityConfig::embeddableInOwnPages;
        RequestMatcher elsewhere = new NegatedRequestMatcher(embeddable);
        http.headers(headers -> headers   // HSTS: Spring's default, sent on HTTPS requests only
                .frameOptions(frame -> frame.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(elsewhere,
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(elsewhere,
                        new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(embeddable, new ContentSecurityPolicyHeaderWriter(
                        CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"))))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(embeddable,
                        new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcRoles(settings))));
        }
        return http.build();
    }

    /**
     * CSRF protects the authority a browser sends by itself (the session cookie). A request without a session has none
     * to abuse, so it goes on to authorisation and gets the usual 401 or login redirect; the login form itself stays
     * protected (login CSRF).
     */
    /** A sent e-mail and a letter are shown in frames of the message page (the e-mail sandboxed), nowhere else. */
    static boolean embeddableInOwnPages(HttpServletRequest request) {
        return request.getRequestURI().matches(".*/messages/\\d+/(email\\.html|letter\\.pdf)");
    }

    static boolean withoutSession(HttpServletRequest request) {
        return request.getRequestedSessionId() == null && !"/login".equals(request.getRequestURI());
    }

    private static void policy(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            UnknownRoute unknown) {
        // a forward, error page or async completion belongs to a request that was already let through
        rules.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
        for (PolicyTable.Entry entry : PolicyTable.ENTRIES) {
            var matcher = PathPatternRequestMatcher.withDefaults().matcher(entry.method(), entry.pattern());
            if (entry.open()) {
                rules.requestMatchers(matcher).permitAll();
            } else {
                rules.requestMatchers(matcher).hasAnyRole(entry.allowed().stream().map(Role::key).toArray(String[]::new));
            }
        }
        rules.anyRequest().access(unknown);
    }
}
