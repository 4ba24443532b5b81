package io.rapport.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./rapport run}: the whole system on this machine, no Docker needed. Parses the options, starts
 * {@link EmbeddedSystem}, reports, and waits for Ctrl-C (whose shutdown hook stops everything).
 */
public final class EmbeddedDefault {

    private EmbeddedDefault() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(LaunchSettings.usage());
            return;
        }
        LaunchSettings settings;
        try {
            settings = LaunchSettings.parse(arguments, System.getenv());
        } catch (LaunchException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(LaunchSettings.usage());
            System.exit(e.exitCode());
            return;
        }
        logLibrariesTo(new DataFolder(settings.dataDir()).logFile("launcher"));
        System.out.println("Starting Rapport (data: " + settings.dataDir() + ")");
        EmbeddedSystem system;
        try {
            system = EmbeddedSystem.start(settings, System.out::println);
        } catch (LaunchException e) {
            if (!e.isCancellation()) {
                System.err.println(e.getMessage());
            }
            System.exit(e.exitCode());
            return;
        } catch (RuntimeException unexpected) {
            System.err.println("Rapport could not start: " + unexpected);
            unexpected.printStackTrace();
            System.exit(LaunchException.START_FAILED);
            return;
        }
        System.out.println("Rapport is up in " + EmbeddedSystem.seconds(system.startupTime()) + " — gateway: "
                + system.gatewayUri() + "  (logs: " + system.logsDir() + ", Ctrl-C stops everything)");
        System.out.println(webAppLines(system.serviceUri(RapportService.WEB_APP.module()).toString(),
                system.serviceUri(RapportService.AUTH_SERVER.module()).toString()));
        if (settings.demo()) {
            loadDemoMember(system);
        }
        new CountDownLatch(1).await();
    }

    private static void loadDemoMember(EmbeddedSystem system) {
        System.out.println("Loading the demo member through the public API (about half a minute)…");
        try {
            var made = new DemoMember(system.gatewayUri(), System.out::println).load();
            System.out.println("Demo member ready: " + made + ". Open " + system.serviceUri(RapportService.WEB_APP.module())
                    + " and sign in as demo / demo, or get a token for curl with:");
            System.out.println("  curl -s -X POST " + system.gatewayUri() + "/auth/dev-token -H 'Content-Type: application/json' -d '{\"member\": \""
                    + DemoMember.MEMBER + "\", \"tenant\": \"" + DemoMember.TENANT + "\"}'");
            var organization = new DemoOrganization(system.gatewayUri(), System.out::println).load();
            System.out.println("Demo organization ready: " + organization + ". Sign in as its admin or advisor with"
                    + " {\"member\": \"" + DemoOrganization.ADMIN + "\", \"tenant\": \"" + DemoMember.TENANT
                    + "\", \"roles\": [\"admin\"]} (or " + DemoOrganization.ADVISOR + " with [\"advisor\"]).");
        } catch (RuntimeException e) {
            System.out.println("The demo member could not be loaded completely (the system stays up): " + e.getMessage());
        }
    }

    /** Where to open the web app, and who can sign in (the sign-in provider's demo users, password {@code demo}). */
    static String webAppLines(String webApp, String signIn) {
        return "Web app: " + webApp + "  (sign-in at " + signIn + ")" + System.lineSeparator()
                + "  demo users (password: demo): demo (member of demo-university; --demo loads its data), "
                + "advisor, admin" + System.lineSeparator()
                + "  the advisor's caseload is at " + webApp + "/advisor, the admin's cohorts and figures at " + webApp + "/admin";
    }

    /**
     * Kafka's admin client logs through slf4j-simple; the console is for the
     * progress lines, so their messages go to a file (unless -D options say otherwise). slf4j-simple opens it
     * when the first logger is made, which is after the data folder exists (and after --reset emptied it).
     */
    private static void logLibrariesTo(Path file) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", file.toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
