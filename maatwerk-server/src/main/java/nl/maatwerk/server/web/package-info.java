/** The web app: shared layout, language switch, the home page and the contact centre's citizen view. */
package nl.maatwerk.server.web;
