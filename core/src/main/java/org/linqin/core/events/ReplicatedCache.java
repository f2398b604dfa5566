package org.linqin.core.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Values read from the database once and kept until they change, on every replica: a change is told to the other
 * replicas on the change bus when its transaction commits, and forgotten at once (and again when the transaction
 * ends) on the replica that made it. A read that overlapped a change is not kept, and everything is forgotten when
 * the replica (re)starts listening, since changes made meanwhile were not heard.
 */
public final class ReplicatedCache<V> {

    private final String topic;
    private final ChangeBus bus;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    /** Bumped on every change, so that a read that overlapped a change is not kept. */
    private final AtomicLong generation = new AtomicLong();

    public ReplicatedCache(String topic, ChangeBus bus, TransactionSynchronizationRegistry transactions) {
        this.topic = topic;
        this.bus = bus;
        this.transactions = transactions;
        bus.on(topic).subscribe().with(this::forgetNow);
        bus.whenListening(this::forgetAll);
    }

    /** The value of {@code key}, read with {@code read} when not known. */
    public V get(String key, Function<String, V> read) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        long seen = generation.get();
        V value = read.apply(key);
        if (value != null) {
            values.compute(key, (k, current) -> generation.get() == seen ? value : current);
        }
        return value;
    }

    /** The current transaction changes what {@code key} reads: forget it here and tell every replica on commit. */
    public void changed(String key) {
        forgetNow(key);
        bus.publish(topic, key);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forgetNow(key);
            }
        });
    }

    private void forgetNow(String key) {
        generation.incrementAndGet();
        values.remove(key);
    }

    private void forgetAll() {
        generation.incrementAndGet();
        values.clear();
    }
}
