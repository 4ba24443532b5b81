package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.rapport.client.contacts.api.ContactsApi;
import io.rapport.client.contacts.api.EmployersApi;
import io.rapport.client.contacts.api.OutreachApi;
import io.rapport.client.contacts.model.ContactRequest;
import io.rapport.client.contacts.model.ContactResponse;
import io.rapport.client.contacts.model.EmployerRequest;
import io.rapport.client.contacts.model.EmployerResponse;
import io.rapport.client.contacts.model.FieldError;
import io.rapport.client.contacts.model.Problem;
import io.rapport.client.contacts.model.Recorded;
import io.rapport.client.contacts.model.SendRequest;
import io.rapport.client.reminders.api.RemindersApi;
import io.rapport.client.reminders.model.InboxResponse;
import io.rapport.client.reminders.model.ReminderResponse;
import io.rapport.client.scheduling.api.InterviewsApi;
import io.rapport.client.scheduling.api.KnownContactsApi;
import io.rapport.client.scheduling.model.FormatRequest;
import io.rapport.client.scheduling.model.InterviewResponse;
import io.rapport.client.scheduling.model.Request;
import io.rapport.client.scheduling.model.ScheduleRequest;
import io.rapport.client.scheduling.model.SlotRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A slice of the journey as an integrating platform would walk it: with the Java client
 * openapi-generator makes from the documents the services serve (docs/api/, generated in this
 * module's generate-test-sources phase), only through the gateway, with a bearer token. An
 * employer, a contact, an outreach, an interview proposed and scheduled, the reminder it causes
 * listed; and a 400 read as a typed problem naming the field.
 */
class GeneratedClientIT {

    private static final Duration EVENTS = Duration.ofSeconds(30);
    private static final String ZONE = "America/Chicago";

    private static EmbeddedSystem system;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        LaunchSettings settings = LaunchSettings.defaults()
                .withRepoRoot(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Files.createDirectories(Path.of("target", "generated-client-data").toAbsolutePath()))
                .withReset(true);
        List<Integer> ports = FreePorts.take(PortName.values().length);
        for (PortName name : PortName.values()) {
            settings = settings.withPort(name, ports.get(name.ordinal()));
        }
        system = EmbeddedSystem.start(settings, System.out::println);
        String tenant = "client-university-" + UUID.randomUUID();
        GatewayClient.Response issued = new GatewayClient(system.gatewayUri(), tenant).call("POST", "/auth/dev-token", null,
                Map.of(), "{\"member\": \"noor\", \"tenant\": \"" + tenant + "\", \"roles\": [\"member\"]}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        token = issued.json().path("access_token").asText();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theGeneratedClientWalksFromAnEmployerToAScheduledInterviewAndItsReminder() throws Exception {
        io.rapport.client.contacts.ApiClient contactsClient = through(new io.rapport.client.contacts.ApiClient());
        io.rapport.client.scheduling.ApiClient schedulingClient = through(new io.rapport.client.scheduling.ApiClient());
        io.rapport.client.reminders.ApiClient remindersClient = through(new io.rapport.client.reminders.ApiClient());

        EmployerResponse northwind = new EmployersApi(contactsClient).addEmployer(
                new EmployerRequest().name("Northwind Health").industry("Healthcare").motivation(3).posting(2));
        assertThat(northwind.getId()).isNotBlank();

        ContactResponse priya = new ContactsApi(contactsClient).addContact(new ContactRequest()
                .name("Priya Raman").email("priya@northwind.example").employerId(northwind.getId())
                .role("Product Manager").source(ContactRequest.SourceEnum.LINKEDIN).timeZone("America/New_York"));
        assertThat(priya.getEmployer()).isEqualTo("Northwind Health");

        Recorded outreach = new OutreachApi(contactsClient).recordOutreach(priya.getId(), new SendRequest()
                .channel(SendRequest.ChannelEnum.EMAIL).memberTimeZone(ZONE)
                .text("Hi Priya, as a fellow alum I admired how Northwind ships patient tools. Would you have 20 minutes next week?"));
        assertThat(outreach.getOutreach().getId()).isNotBlank();

        KnownContactsApi known = new KnownContactsApi(schedulingClient);
        await().atMost(EVENTS).ignoreExceptions().until(() -> known.getKnownContact(priya.getId()).getId() != null);

        ZonedDateTime start = ZonedDateTime.now(ZoneId.of(ZONE)).plusDays(8).withHour(14).truncatedTo(ChronoUnit.HOURS);
        InterviewsApi interviews = new InterviewsApi(schedulingClient);
        InterviewResponse proposed = interviews.proposeInterview(new Request()
                .contactId(priya.getId()).objective("Learn how product managers at Northwind decide what to build.")
                .slots(List.of(new SlotRequest().start(start.toInstant().toString()).minutes(30),
                        new SlotRequest().start(start.plusDays(1).toInstant().toString()).minutes(30)))
                .format(new FormatRequest().kind("VIDEO").platform("ZOOM").link("https://zoom.example/j/123"))
                .memberTimeZone(ZONE).contactTimeZone("America/New_York"));
        assertThat(proposed.getStatus()).isEqualTo("PROPOSED");

        InterviewResponse scheduled = interviews.scheduleInterview(proposed.getId(),
                new ScheduleRequest().start(start.toInstant().toString()));
        assertThat(scheduled.getStatus()).isEqualTo("SCHEDULED");
        assertThat(scheduled.getSlot().getStart().toInstant()).isEqualTo(start.toInstant());

        RemindersApi reminders = new RemindersApi(remindersClient);
        await().atMost(EVENTS).untilAsserted(() -> assertThat(all(reminders.listReminders()))
                .as("the reminder to get the interview confirmed, in the member's inbox")
                .anySatisfy(reminder -> {
                    assertThat(reminder.getRule()).isEqualTo("CONFIRM_INTERVIEW");
                    assertThat(reminder.getSubjectId()).isEqualTo(proposed.getId());
                }));
    }

    @Test
    void aBadRequestComesBackAsATypedProblemNamingTheField() throws Exception {
        io.rapport.client.contacts.ApiClient client = through(new io.rapport.client.contacts.ApiClient());

        io.rapport.client.contacts.ApiException refused = catchThrowableOfType(io.rapport.client.contacts.ApiException.class,
                () -> new ContactsApi(client).addContact(new ContactRequest().name("No Address").email("not-an-email")));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(FieldError::getField).contains("email");
    }

    @Test
    void theGatewayServesTheEventContractWithoutAToken() throws Exception {
        GatewayClient.Response asyncApi = new GatewayClient(system.gatewayUri(), "anyone").get("/asyncapi.yaml", null);

        assertThat(asyncApi.status()).as(asyncApi.toString()).isEqualTo(200);
        assertThat(asyncApi.raw().body()).isEqualTo(Files.readString(Path.of("..", "docs", "asyncapi.yaml")));
    }

    private static <C> C through(C client) {
        // The three generated ApiClients are distinct classes with the same configuration methods.
        if (client instanceof io.rapport.client.contacts.ApiClient c) {
            c.updateBaseUri(system.gatewayUri().toString());
            c.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        } else if (client instanceof io.rapport.client.scheduling.ApiClient c) {
            c.updateBaseUri(system.gatewayUri().toString());
            c.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        } else if (client instanceof io.rapport.client.reminders.ApiClient c) {
            c.updateBaseUri(system.gatewayUri().toString());
            c.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static List<ReminderResponse> all(InboxResponse inbox) {
        return Stream.of(inbox.getOverdue(), inbox.getDue(), inbox.getUpcoming())
                .filter(java.util.Objects::nonNull).flatMap(List::stream).toList();
    }
}
