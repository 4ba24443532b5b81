package io.rapport.contacts;

import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.Contacts;
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
    ContactBook contactBook(Contacts contacts, Clock clock) {
        return new ContactBook(contacts, clock);
    }
}
