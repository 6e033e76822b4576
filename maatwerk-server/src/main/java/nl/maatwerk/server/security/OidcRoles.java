package nl.maatwerk.server.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect login: the identity provider's roles claim ({@link SecuritySettings#oidcRolesClaim()}, from the ID
 * token or user info) mapped onto our roles. A user without any mapped role gets no authority and is therefore denied
 * everywhere.
 */
final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final SecuritySettings settings;

    OidcRoles(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        Set<GrantedAuthority> authorities = new HashSet<>();
        for (Role role : roles(user.getClaims().get(settings.oidcRolesClaim()))) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        return nameAttribute == null || nameAttribute.isBlank()
                ? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
                : new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
    }

    Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<?> values = claim instanceof Collection<?> c ? c
                : claim instanceof String s ? java.util.Arrays.asList(s.split("[ ,]+")) : java.util.List.of();
        for (Object value : values) {
            String theirs = String.valueOf(value);
            String ours = settings.oidcRoleMapping().getOrDefault(theirs, theirs);
            Role.of(ours).ifPresent(roles::add);
        }
        return roles;
    }
}
