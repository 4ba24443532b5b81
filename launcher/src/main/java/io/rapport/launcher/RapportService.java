package io.rapport.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Spring Boot processes of the system: five services, each with its own database, the gateway in front, the
 * sign-in provider and the web app.
 */
public enum RapportService {
    CONTACTS("contacts-service", PortName.CONTACTS, "rapport-contacts"),
    SCHEDULING("scheduling-service", PortName.SCHEDULING, "rapport-scheduling"),
    NOTES("notes-service", PortName.NOTES, "rapport-notes"),
    REMINDERS("reminders-service", PortName.REMINDERS, "rapport-reminders"),
    INSIGHTS("insights-service", PortName.INSIGHTS, "rapport-insights"),
    GATEWAY("gateway", PortName.GATEWAY, null),
    /** The OpenID Connect provider with the demo users: the gateway finds it by issuer discovery. */
    AUTH_SERVER("auth-server", PortName.AUTH, null),
    /** The member's web app: signs in at the auth server, calls the services through the gateway. */
    WEB_APP("web-app", PortName.WEB, null);

    private final String module;
    private final PortName port;
    private final String database;

    RapportService(String module, PortName port, String database) {
        this.module = module;
        this.port = port;
        this.database = database;
    }

    /** Also the process name in progress lines and the log file name. */
    public String module() {
        return module;
    }

    public PortName port() {
        return port;
    }

    /** The MongoDB database the service owns; null for the gateway, the sign-in provider and the web app. */
    public String database() {
        return database;
    }

    public boolean isGateway() {
        return this == GATEWAY;
    }

    /** The sign-in provider and the web app: what a person's browser talks to, started after the rest. */
    public boolean isWebTier() {
        return this == AUTH_SERVER || this == WEB_APP;
    }

    /** A service that owns data: it needs the store and Kafka. */
    public boolean ownsData() {
        return database != null;
    }

    /** Relative to the repository root, so messages can show it as people would type it. */
    public Path jar() {
        return Path.of(module, "target", module + ".jar");
    }

    /** Accepts "contacts-service", "contacts" or "CONTACTS", so tests and people need not remember which. */
    public static RapportService named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (RapportService service : values()) {
            if (service.module.equals(wanted) || service.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service named '" + name + "'; known: "
                + Arrays.stream(values()).map(RapportService::module).collect(Collectors.joining(", ")));
    }
}
