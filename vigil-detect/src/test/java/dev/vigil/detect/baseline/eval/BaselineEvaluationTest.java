package dev.vigil.detect.baseline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.vigil.testkit.Corpus;

/**
 * The evaluation's figures (docs/DETECTION.md) with floors a little under the measured values, so that a regression in
 * a detector or in the correlation engine fails the build.
 */
class BaselineEvaluationTest {

    private static BaselineEvaluation.Result result;

    @BeforeAll
    static void evaluate() throws Exception {
        Path corpus = Corpus.require("linux-logs").getParent();
        result = BaselineEvaluation.run(BaselineEvaluation.Settings.defaults(corpus));
        System.out.println(BaselineEvaluation.markdown(result));
    }

    private static BaselineEvaluation.Row row(Scenario scenario, String detector) {
        return result.row(scenario.label(), detector);
    }

    @Test
    void readsTheRealLogAndBuildsTheBackground() {
        assertThat(result.realLogins()).isEqualTo(858);
        assertThat(result.backgroundTransfers()).isBetween(226L * 2, 226L * 3);
    }

    @Test
    void bruteForceIsCaughtByTheThresholdRuleAndTheFailedLoginVolume() {
        assertThat(row(Scenario.BRUTE_FORCE, "sigma_event_count").recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(row(Scenario.BRUTE_FORCE, "sigma_event_count").precision()).isGreaterThanOrEqualTo(0.70);
        assertThat(row(Scenario.BRUTE_FORCE, "volume_failed_per_host").recall()).isGreaterThanOrEqualTo(0.75);
        assertThat(row(Scenario.BRUTE_FORCE, "volume_failed_per_host").precision()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void credentialStuffingIsCaughtByDistinctAccountsAndVolume() {
        assertThat(row(Scenario.CREDENTIAL_STUFFING, "sigma_value_count").recall()).isGreaterThanOrEqualTo(0.70);
        assertThat(row(Scenario.CREDENTIAL_STUFFING, "sigma_value_count").precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(row(Scenario.CREDENTIAL_STUFFING, "volume_failed_per_host").recall()).isGreaterThanOrEqualTo(0.80);
        assertThat(row(Scenario.CREDENTIAL_STUFFING, "volume_failed_per_host").precision())
                .isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void newNetworkLoginsAreCaughtByNewTermsAndRarityOnly() {
        assertThat(row(Scenario.NEW_NETWORK_LOGIN, "new_terms_user_src24").recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(row(Scenario.NEW_NETWORK_LOGIN, "new_terms_user_src24").precision()).isGreaterThanOrEqualTo(0.90);
        assertThat(row(Scenario.NEW_NETWORK_LOGIN, "rarity_user_src16").recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(row(Scenario.NEW_NETWORK_LOGIN, "rarity_user_src16").precision()).isGreaterThanOrEqualTo(0.85);
        // a successful login from one new address is invisible to counting rules
        assertThat(row(Scenario.NEW_NETWORK_LOGIN, "sigma_event_count").recall()).isZero();
    }

    @Test
    void exfiltrationIsCaughtByTheSeasonalVolumeBaselineBetterThanByAFixedThreshold() {
        BaselineEvaluation.Row volume = row(Scenario.EXFILTRATION, "volume_bytes_per_workstation");
        assertThat(volume.recall()).isGreaterThanOrEqualTo(0.85);
        assertThat(volume.precision()).isGreaterThanOrEqualTo(0.90);
        assertThat(volume.recall()).isGreaterThan(row(Scenario.EXFILTRATION, "sigma_value_sum").recall());
    }

    @Test
    void backgroundFalseFindingsStayLow() {
        assertThat(result.falsePositives().getOrDefault("new_terms_user_src24", 0L)).isLessThanOrEqualTo(3);
        assertThat(result.falsePositives().getOrDefault("rarity_user_src16", 0L)).isLessThanOrEqualTo(4);
        assertThat(result.falsePositives().getOrDefault("volume_bytes_per_workstation", 0L)).isLessThanOrEqualTo(3);
        assertThat(result.falsePositives().getOrDefault("volume_failed_per_host", 0L)).isLessThanOrEqualTo(4);
    }

    @Test
    void theSameSeedGivesTheSameFigures() throws Exception {
        Path corpus = Corpus.require("linux-logs").getParent();
        BaselineEvaluation.Settings small = new BaselineEvaluation.Settings(
                BaselineEvaluation.Settings.defaults(corpus).authLog(), 2017, 7, 3);
        assertThat(BaselineEvaluation.run(small).rows()).isEqualTo(BaselineEvaluation.run(small).rows());
    }
}
