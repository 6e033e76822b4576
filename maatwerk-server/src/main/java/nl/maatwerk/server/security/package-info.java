/**
 * Security: who may do what. Local accounts ({@link nl.maatwerk.server.security.UserAccounts}), API keys
 * ({@link nl.maatwerk.server.security.ApiKeys}), optional OpenID Connect login, the seven roles
 * ({@link nl.maatwerk.server.security.Role}) and the {@code PolicyTable} that maps every route to the roles that may
 * reach it; anything not in the table is denied. See docs/privacy.md.
 */
package nl.maatwerk.server.security;
