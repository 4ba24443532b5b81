package io.rapport.contacts;

import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.Contacts;
import io.rapport.contacts.employers.EmployerBook;
import io.rapport.contacts.employers.Employers;
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
            Erasures erasures, Clock clock) {
        return new MemberData(contacts, employers, templates, requests, erasures, clock);
    }
}
