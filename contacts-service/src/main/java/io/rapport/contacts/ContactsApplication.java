package io.rapport.contacts;

import io.rapport.contacts.imports.ContactImports;
import io.rapport.contacts.imports.ImportJobs;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.Contacts;
import io.rapport.contacts.employers.EmployerBook;
import io.rapport.contacts.employers.Employers;
import io.rapport.contacts.mailbox.Mailboxes;
import io.rapport.contacts.member.ErasureRequests;
import io.rapport.contacts.member.MemberData;
import io.rapport.contacts.outreach.OutreachDesk;
import io.rapport.contacts.outreach.Templates;
import io.rapport.platform.domain.Erasures;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The member's network: target employers, contacts, outreach, referrals and touches. */
@SpringBootApplication
public class ContactsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContactsApplication.class, args);
    }

    @Bean
    ContactBook contactBook(Contacts contacts, Employers employers, Clock clock) {
        return new ContactBook(contacts, employers, clock);
    }

    @Bean
    EmployerBook employerBook(Employers employers, Contacts contacts, Clock clock) {
        return new EmployerBook(employers, contacts, clock);
    }

    @Bean
    OutreachDesk outreachDesk(Templates templates, ContactBook contacts, Clock clock) {
        return new OutreachDesk(templates, contacts, clock);
    }

    @Bean
    MemberData memberData(Contacts contacts, Employers employers, Templates templates, ErasureRequests requests,
            Erasures erasures, ImportJobs imports, Mailboxes mailboxes, Clock clock) {
        return new MemberData(contacts, employers, templates, requests, erasures, imports, mailboxes, clock);
    }

    /**
     * Two imports at a time in this instance, two more waiting; beyond that an upload is answered with a
     * failed job to retry (each waiting import holds its parsed file in memory). Stopping the service stops
     * them: their leases run out and the member's retry with the same key finishes them.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService importWorkers() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2), runnable -> {
            Thread thread = new Thread(runnable, "contact-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ContactImports contactImports(ImportJobs jobs, ContactBook book, ExecutorService importWorkers, Clock clock) {
        return new ContactImports(jobs, book, importWorkers, clock);
    }
}
