package org.linqin.server.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The development issuer serves this machine only: which peer addresses count as this machine. */
class DevIssuerLoopbackTest {

    @Test
    void loopbackAddressesAreThisMachine() {
        assertThat(DevIssuer.isLoopback("127.0.0.1")).isTrue();
        assertThat(DevIssuer.isLoopback("127.8.9.10")).isTrue();
        assertThat(DevIssuer.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(DevIssuer.isLoopback("::1")).isTrue();
    }

    @Test
    void otherAddressesAndNamesAreNot() {
        assertThat(DevIssuer.isLoopback("192.168.1.20")).isFalse();
        assertThat(DevIssuer.isLoopback("10.0.0.1")).isFalse();
        assertThat(DevIssuer.isLoopback("2001:db8::1")).isFalse();
        assertThat(DevIssuer.isLoopback("localhost.example.org")).isFalse();
        assertThat(DevIssuer.isLoopback(null)).isFalse();
    }
}
