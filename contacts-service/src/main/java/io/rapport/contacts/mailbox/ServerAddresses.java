package io.rapport.contacts.mailbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Rapport connects to the member's mail server from inside its own network: a host that resolves to a loopback,
 * private, link-local or wildcard address would let a member make the service knock on its neighbours (the database,
 * the cloud metadata endpoint) and read the answer's kind in the status. Such hosts are refused, unless the server
 * allows local mail servers (tests, development).
 */
public final class ServerAddresses {

    private ServerAddresses() {
    }

    /** Why Rapport will not connect to {@code host}, in plain words; empty when it is a public address. */
    public static Optional<String> refusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unknown) {
            return Optional.of("is not a known host name");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                return Optional.of("is a local or private address; Rapport connects only to public mail servers");
            }
        }
        return Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which isSiteLocalAddress does not cover. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
