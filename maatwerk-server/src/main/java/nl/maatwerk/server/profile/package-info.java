/**
 * Profile: citizens (shaped after Haal Centraal BRP), their household and address, declared attributes,
 * travel documents (Haal Centraal Reisdocumenten) and municipal cases.
 */
package nl.maatwerk.server.profile;
