package dev.vigil.detect.sigma.match;

import java.util.List;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.value.IpAddress;
import dev.vigil.detect.sigma.value.SigmaCidr;

/** {@code cidr}: the value is an address inside one of the networks. */
record CidrTest(List<SigmaCidr> networks) implements ValueTest {

    @Override
    public boolean test(FieldValue value, Event event) {
        byte[] address = IpAddress.parse(value.text());
        if (address == null) {
            return false;
        }
        for (SigmaCidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
