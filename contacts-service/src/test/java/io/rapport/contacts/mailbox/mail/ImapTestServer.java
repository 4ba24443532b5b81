package io.rapport.contacts.mailbox.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real IMAP server (GreenMail, on a free loopback port) for one test class: register it as a static
 * {@code @RegisterExtension} field and it starts before the class's tests and stops after them.
 */
public final class ImapTestServer extends GreenMail implements BeforeAllCallback, AfterAllCallback {

    public ImapTestServer() {
        super(ServerSetupTest.IMAP.dynamicPort());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
