package io.rapport.launcher;

import java.util.Locale;

/** Every port the embedded default listens on, with the flag and environment variable that move it. */
public enum PortName {
    GATEWAY("gateway", 8080),
    CONTACTS("contacts", 8081),
    SCHEDULING("scheduling", 8082),
    NOTES("notes", 8083),
    REMINDERS("reminders", 8084),
    INSIGHTS("insights", 8085),
    KAFKA("kafka", 9092),
    KAFKA_CONTROLLER("kafka-controller", 9093),
    MONGO("mongo", 27018),
    /** The web app members sign in to and use (issue 16). */
    WEB("web", 8088),
    /** The sign-in provider (OpenID Connect) the web app and the gateway rely on. */
    AUTH("auth", 8089);

    private final String key;
    private final int defaultPort;

    PortName(String key, int defaultPort) {
        this.key = key;
        this.defaultPort = defaultPort;
    }

    /** How people call it: "gateway", "kafka-controller". */
    public String key() {
        return key;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String flag() {
        return "--" + key + "-port";
    }

    public String envVar() {
        return "RAPPORT_" + key.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** How to choose another port, ready to paste into a message. */
    public String howToChange() {
        return flag() + "=N or " + envVar() + "=N";
    }
}
