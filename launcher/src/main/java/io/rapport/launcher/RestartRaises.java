package io.rapport.launcher;

import java.util.concurrent.Semaphore;

/**
 * How far a restart is raised ({@link CpuPriority}). The only instance of a service, and the gateway, by the full
 * {@link CpuPriority#RAISE}: the members wait on it. One of several instances by {@link CpuPriority#PAIR_RAISE}, and
 * only while no other one of several is restarting raised; otherwise not at all.
 *
 * <p>Why less for one of several: at normal priority beside its twin a killed instance took 105-240 s to be ready
 * again in the fault suite (sessions 19 and 22: load average up to 92 on 2 cores, 14 JVMs each in a session of its
 * own, each with one share). With the full raise it was back in 15-31 s, but the raise came from everyone's share and
 * so from the twin's, which was then serving its service's whole load: the service went unanswered for 12-34 s in
 * three runs out of four (sessions 16 and 22), more than the consumers' session timeout. Raising the twin as well (by
 * half) did not prevent it.
 *
 * <p>Why one at a time: {@code SeveralInstancesIT} kills two instances at once, and two raised restarts starved the
 * surviving instances: they missed their health checks and requests were refused 29.1 s after the kill.
 */
final class RestartRaises {

    private final Semaphore oneOfSeveral = new Semaphore(1);

    /** The nice values to raise this restart by; a raise above 0 of one of several must be given back once put back. */
    int take(ServiceProcess service) {
        if (!service.hasTwin()) {
            return CpuPriority.RAISE;
        }
        return oneOfSeveral.tryAcquire() ? CpuPriority.PAIR_RAISE : 0;
    }

    /** After a restart raised by {@code raise} is put back to normal priority, or failed to start. */
    void giveBack(ServiceProcess service, int raise) {
        if (service.hasTwin() && raise > 0) {
            oneOfSeveral.release();
        }
    }
}
