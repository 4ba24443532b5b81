package io.rapport.reminders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The follow-up engine: 3B7 follow-ups, confirmations, thank-yous and keep-in-touch, delivered exactly once. */
@SpringBootApplication
public class RemindersApplication {

    public static void main(String[] args) {
        SpringApplication.run(RemindersApplication.class, args);
    }
}
