package nl.maatwerk.server.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document says every call needs {@code Authorization: Bearer mwk_…}; Swagger UI gets an Authorize button. */
@Configuration
class ApiDocsSecurity {

    static final String SCHEME = "apiKey";

    @Bean
    OpenApiCustomizer bearerApiKey() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("mwk_…")
                    .description("An API key from Beheer or POST /api/v1/api-keys; its roles decide which calls are allowed "
                            + "(docs/privacy.md). Without one: 401; with a key of another role: 403."));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
