package org.linqin.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A live subscriber that has not yet asked for the next change must not lose its subscription. */
class ChangeBusTest {

    @Test
    void aSubscriberThatFallsBehindForAMomentGetsEveryChangeOfItsTopicInOrder() {
        ChangeBus bus = new ChangeBus();
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        bus.on("incident").subscribe(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(1);
            }

            @Override
            public void onNext(String item) {
                received.add(item);
            }

            @Override
            public void onError(Throwable t) {
                failure.set(t);
            }

            @Override
            public void onComplete() {
            }
        });
        for (int i = 0; i < 500; i++) {
            bus.heard(new ChangeBus.Change(i % 2 == 0 ? "incident" : "modules", "c:" + i));
        }
        assertThat(failure.get()).as("the subscription is still alive").isNull();
        assertThat(received).containsExactly("c:0");
        subscription.get().request(Long.MAX_VALUE);
        assertThat(received).hasSize(250).startsWith("c:0", "c:2", "c:4").endsWith("c:498");
        assertThat(failure.get()).isNull();
    }
}
