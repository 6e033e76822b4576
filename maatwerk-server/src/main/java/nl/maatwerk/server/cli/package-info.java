/** The command line: demo, serve, generate and import, each with --help. */
package nl.maatwerk.server.cli;
