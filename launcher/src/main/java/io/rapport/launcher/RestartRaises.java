package io.rapport.launcher;

import java.util.concurrent.Semaphore;

/**
 * Which restarts start at a raised CPU priority ({@link CpuPriority}). The only instance of a service, and the gateway,
 * always: the members wait on it. One of a pair only when no other one of a pair is restarting raised at that moment.
 *
 * <p>Why one at a time: with every restart of one of a pair raised, the fault suite (one fault at a time) recovered a
 * killed instance in 9.5-18.5 s, but {@code SeveralInstancesIT}, which kills two instances at once, saw the surviving
 * instances starved by the two raised restarts: they missed their health checks and requests were refused 29.1 s
 * after the kill. At normal priority beside its twin, one of a pair took 49-204 s to come back (session 15). One
 * raised restart among pairs gives the single fault the short restart, and leaves the survivors of a double fault
 * the share they had.
 */
final class RestartRaises {

    private final Semaphore oneOfAPair = new Semaphore(1);

    /** True when this restart starts raised; a true must be given back ({@link #giveBack}) once it is put back. */
    boolean take(ServiceProcess service) {
        return !service.hasTwin() || oneOfAPair.tryAcquire();
    }

    /** After a raised restart is put back to normal priority, or failed to start. */
    void giveBack(ServiceProcess service) {
        if (service.hasTwin()) {
            oneOfAPair.release();
        }
    }
}
