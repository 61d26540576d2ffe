package dev.vigil.vuln.cvss;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CvssVectorValidationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | must start with",
            "CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C | must start with",
            "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | must start with",
            "CVSS:3.1/ | no metrics after the prefix",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ | trailing '/'",
            "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | empty metric at position 2",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A | malformed metric 'A'",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H | malformed metric 'A:H:H'",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N | duplicate metric 'AV'",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y | unknown metric 'XX'",
            "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | invalid value 'Q' for metric AV",
            "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | invalid value 'n' for metric AV",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H | missing mandatory metric A",
            "CVSS:3.1/AV:N/AC:L/UI:N/C:H/I:H/A:H | missing mandatory metrics PR, S",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N | invalid value 'S' for metric SI",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N | missing mandatory metric SA",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | unknown metric 'C'",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red | invalid value 'red' for metric U",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F | invalid value 'F' for metric E",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:A | invalid value 'A' for metric E",
    })
    void rejectsWithAReason(String vector, String reason) {
        assertThatThrownBy(() -> CvssCalculator.score(vector))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(vector);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   '"})
    void rejectsBlankVectors(String vector) {
        assertThatThrownBy(() -> CvssCalculator.score(vector))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("vector is empty");
    }
}
