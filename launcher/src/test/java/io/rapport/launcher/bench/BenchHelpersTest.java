package io.rapport.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the data-path benchmark that need no running system. */
class BenchHelpersTest {

    @Test
    void readsUserAndSystemTicksFromAProcStatLineWhoseCommandHasSpacesAndParentheses() {
        String line = "4242 (java (worker) 1) S 1 4242 4242 0 -1 4194560 52866 0 12 0 1234 567 0 0 20 0 45 0 8812 "
                + "4294967295 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        ProcStats.CpuTicks ticks = ProcStats.parseStat(line);

        assertThat(ticks.user()).isEqualTo(1234);
        assertThat(ticks.system()).isEqualTo(567);
        assertThat(ticks.total()).isEqualTo(1801);
    }

    @Test
    void refusesALineThatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStats.parseStat("no parentheses here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStats.parseStat("1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsVmRssInKibAndNothingForAProcessWithoutIt() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  523412 kB\nThreads:\t42\n";

        assertThat(ProcStats.parseVmRssKib(status)).hasValue(523412);
        assertThat(ProcStats.parseVmRssKib("Name:\tkthreadd\nThreads:\t1\n")).isEmpty();
    }

    @Test
    void readsThePssLineNotThePssDetailLines() {
        String rollup = "5597e000-7ffc r--p 00000000 00:00 0 [rollup]\nRss:  300000 kB\nPss:  271000 kB\n"
                + "Pss_Anon:  200000 kB\nPss_File:  71000 kB\n";

        assertThat(ProcStats.parsePssKib(rollup)).hasValue(271000);
        assertThat(ProcStats.parsePssKib("Rss:  300000 kB\n")).isEmpty();
    }

    @Test
    void readsThisProcessFromProcWhereThereIsOne() {
        long pid = ProcessHandle.current().pid();
        if (!new java.io.File("/proc/" + pid + "/stat").exists()) {
            return; // not Linux: the benchmark's idle step needs /proc
        }
        assertThat(ProcStats.cpu(pid)).isPresent();
        assertThat(ProcStats.rssKib(pid).orElse(0)).isGreaterThan(1024);
        assertThat(ProcStats.pssKib(pid).orElse(0)).isGreaterThan(1024).isLessThanOrEqualTo(ProcStats.rssKib(pid).orElse(0) + 1024);
        assertThat(ProcStats.clockTicksPerSecond()).isPositive();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[99 - i] = (i + 1) * 1_000_000L; // 1..100 ms, given out of order
        }
        Percentiles p = new Percentiles(samples);

        assertThat(p.millis(50)).isEqualTo(50.0);
        assertThat(p.millis(99)).isEqualTo(99.0);
        assertThat(p.millis(100)).isEqualTo(100.0);
        assertThat(p.maxMillis()).isEqualTo(100.0);
        assertThat(new Percentiles(new long[] {7_000_000L}).millis(99)).isEqualTo(7.0);
        assertThat(new Percentiles(new long[] {1_000_000L, 2_000_000L, 3_000_000L}).millis(50)).isEqualTo(2.0);
        assertThat(new Percentiles(new long[0]).millis(50)).isNaN();
        assertThatThrownBy(() -> p.millis(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkedInCsvHasThePreambleTheHeaderAndOneQuotedRowPerConnection() {
        String csv = LinkedInCsv.of("m0007", 3);

        List<String> lines = csv.lines().toList();
        int header = lines.indexOf("First Name,Last Name,URL,Email Address,Company,Position,Connected On");
        assertThat(lines.getFirst()).isEqualTo("Notes:");
        assertThat(header).isPositive();
        assertThat(lines.subList(header + 1, lines.size())).containsExactly(
                "First0,Last0,https://www.linkedin.com/in/m0007-0,m0007.0@example.com,Company 0,\"Engineer, level 0\",01 Jan 2024",
                "First1,Last1,https://www.linkedin.com/in/m0007-1,m0007.1@example.com,Company 1,\"Engineer, level 1\",01 Jan 2024",
                "First2,Last2,https://www.linkedin.com/in/m0007-2,m0007.2@example.com,Company 2,\"Engineer, level 2\",01 Jan 2024");
        assertThat(LinkedInCsv.of("x", 10_000).lines().filter(l -> l.startsWith("First") && !l.startsWith("First Name")))
                .hasSize(10_000).doesNotHaveDuplicates();
    }

    @Test
    void theRowOfANameComesBackFromTheImportReport() {
        assertThat(LinkedInCsv.rowOf(LinkedInCsv.name(12))).isEqualTo(12);
        assertThat(LinkedInCsv.rowOf("Priya Raman")).isEqualTo(-1);
        assertThat(LinkedInCsv.rowOf("Firstly Last")).isEqualTo(-1);
        assertThat(LinkedInCsv.rowOf(null)).isEqualTo(-1);
    }

    @Test
    void aDueMinuteOnAWeekdayKeepsUtcAndSendsThreeBusinessDaysBefore() {
        Instant wednesday = Instant.parse("2026-12-02T14:37:25Z");

        DueMinute due = DueMinute.at(wednesday).orElseThrow();

        assertThat(due.zone()).isEqualTo("Etc/UTC");
        assertThat(due.morningHour()).isEqualTo("14:37");
        assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-12-02T14:37:00Z"));
        assertThat(due.sentAt()).isEqualTo(Instant.parse("2026-11-27T12:00:00Z")); // Friday: Mon, Tue, Wed
    }

    @Test
    void onASundayAfternoonTheMinuteIsMondayMorningSomewhereEast() {
        Instant sunday = Instant.parse("2026-11-29T13:42:00Z");

        DueMinute due = DueMinute.at(sunday).orElseThrow();

        ZonedDateTime local = due.dueAt().atZone(ZoneId.of(due.zone()));
        assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(due.morningHour()).isEqualTo(String.format("%02d:%02d", local.getHour(), local.getMinute()));
        // what reminders-service computes: the morning after three business days from the day it was sent
        LocalDate day = due.sentAt().atZone(ZoneId.of(due.zone())).toLocalDate();
        for (int counted = 0; counted < 3; ) {
            day = day.plusDays(1);
            if (DueMinute.isBusinessDay(day)) {
                counted++;
            }
        }
        assertThat(day).isEqualTo(local.toLocalDate());
    }

    @Test
    void onSaturdayEveningNoZoneHasABusinessDay() {
        assertThat(DueMinute.at(Instant.parse("2026-11-28T20:00:00Z"))).isEmpty();
    }

    @Test
    void readsAnEventsInstantWrittenAsTextOrAsEpochSeconds() throws Exception {
        var json = Api.JSON.readTree("{\"a\": \"2026-12-02T14:37:00Z\", \"b\": 1796222220.500000000}");

        assertThat(DataPathBenchmark.instant(json.path("a"))).isEqualTo(Instant.parse("2026-12-02T14:37:00Z"));
        assertThat(DataPathBenchmark.instant(json.path("b"))).isEqualTo(Instant.ofEpochSecond(1796222220L, 500_000_000L));
    }

    @Test
    void optionsDefaultToTheIssuesVolumesAndQuickIsSmaller() {
        BenchOptions full = BenchOptions.parse(List.of());
        BenchOptions quick = BenchOptions.parse(List.of("--quick"));
        BenchOptions tuned = BenchOptions.parse(List.of("--quick", "--members=20", "--due-reminders=5,000"));

        assertThat(full.members * full.contactsPerMember).isEqualTo(100_000);
        assertThat(full.members * full.interviewsPerMember).isEqualTo(20_000);
        assertThat(full.expectedReminders()).isEqualTo(200_000);
        assertThat(full.pipelineRows).isEqualTo(10_000);
        assertThat(quick.members * quick.contactsPerMember).isEqualTo(1_000);
        assertThat(quick.expectedReminders()).isEqualTo(2_000);
        assertThat(tuned.members).isEqualTo(20);
        assertThat(tuned.dueReminders).isEqualTo(5_000);
        assertThat(tuned.quick).isTrue();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--members=lots"))).hasMessageContaining("--members");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--color=blue"))).hasMessageContaining("--color");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--outreach-share=2"))).hasMessageContaining("--outreach-share");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--members=5", "--low-members=6")))
                .hasMessageContaining("--low-members");
    }

    @Test
    void theTableHasAHeaderAndEveryRowWithItsVerdict() {
        Results results = new Results(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        results.check("contact list p50", "12.0 ms", "≤ 50 ms", true);
        results.check("idle CPU", "9.00 % of one core", "≤ 5 %", false);

        String table = results.table();

        assertThat(table.lines().toList()).hasSize(4);
        assertThat(table).contains("contact list p50").contains("PASS").contains("FAIL").contains("≤ 5 %");
    }
}
