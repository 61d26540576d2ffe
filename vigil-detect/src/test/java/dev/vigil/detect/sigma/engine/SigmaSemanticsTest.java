package dev.vigil.detect.sigma.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Evaluation semantics of Sigma values, modifiers and conditions on hand-made one-line events. */
class SigmaSemanticsTest {

    @Nested
    class Strings {

        @Test
        void plainValuesMatchTheWholeValueCaseInsensitively() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Image: 'CMD.exe'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"Image\":\"cmd.EXE\"}")).isTrue();
            assertThat(rule.matches("{\"Image\":\"C:\\\\Windows\\\\cmd.exe\"}")).isFalse();
        }

        @Test
        void caseFoldingIsUnicodeAware() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            User|contains: 'STRASSE'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"User\":\"hauptstraße 1\"}")).isTrue();
            RuleFixture greek = RuleFixture.detection("""
                        sel:
                            User: 'ΣΟΦΙΑ'
                        condition: sel
                    """);
            assertThat(greek.matches("{\"User\":\"σοφια\"}")).isTrue();
        }

        @Test
        void trailingBackslashDoesNotEscapeTheWildcardAddedByContains() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            TargetObject|contains: '\\Control\\Print\\Monitors\\'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"TargetObject\":\"HKLM\\\\System\\\\Control\\\\Print\\\\Monitors\\\\x\"}")).isTrue();
            assertThat(rule.matches("{\"TargetObject\":\"HKLM\\\\Control\\\\Print\\\\Monitors*\"}")).isFalse();
        }

        @Test
        void escapedWildcardsAreLiteral() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            CommandLine: 'a\\*b?c'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"CommandLine\":\"a*bXc\"}")).isTrue();
            assertThat(rule.matches("{\"CommandLine\":\"aZZbXc\"}")).isFalse();
            assertThat(rule.matches("{\"CommandLine\":\"a*bXYc\"}")).isFalse();
        }

        @Test
        void innerWildcardsMatchWithoutRegex() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            CommandLine: '*net*user*/add*'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"CommandLine\":\"net.exe user bob /add\"}")).isTrue();
            assertThat(rule.matches("{\"CommandLine\":\"net.exe /add user\"}")).isFalse();
        }

        @Test
        void numbersAndBooleansCompareAsText() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            EventID: 4688
                            Signed: true
                            Code: 0x17
                        condition: sel
                    """);
            assertThat(rule.matches("{\"EventID\":4688,\"Signed\":\"true\",\"Code\":\"0x17\"}")).isTrue();
            assertThat(rule.matches("{\"EventID\":\"4688\",\"Signed\":true,\"Code\":\"0x17\"}")).isTrue();
            assertThat(rule.matches("{\"EventID\":4689,\"Signed\":true,\"Code\":\"0x17\"}")).isFalse();
            assertThat(rule.matches("{\"EventID\":4688,\"Signed\":true,\"Code\":23}")).isFalse();
        }

        @Test
        void cidrAndCasedAndAll() {
            RuleFixture rule = RuleFixture.detection("""
                        net:
                            DestinationIp|cidr:
                                - '10.0.0.0/8'
                                - 'fe80::/10'
                        cased:
                            Name|cased: 'Bob'
                        all:
                            CommandLine|contains|all: ['-enc', 'hidden']
                        condition: net and cased and all
                    """);
            String ok = "{\"DestinationIp\":\"10.2.3.4\",\"Name\":\"Bob\",\"CommandLine\":\"ps -Enc x -w HIDDEN\"}";
            assertThat(rule.matches(ok)).isTrue();
            assertThat(rule.matches(ok.replace("10.2.3.4", "fe80::1"))).isTrue();
            assertThat(rule.matches(ok.replace("10.2.3.4", "11.2.3.4"))).isFalse();
            assertThat(rule.matches(ok.replace("10.2.3.4", "example.org"))).isFalse();
            assertThat(rule.matches(ok.replace("Bob", "bob"))).isFalse();
            assertThat(rule.matches(ok.replace("HIDDEN", "shown"))).isFalse();
        }
    }

    @Nested
    class Modifiers {

        @Test
        void windashAcceptsEveryDashAtWordStartsOnly() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            CommandLine|windash|contains: ' -exec bypass'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"CommandLine\":\"x /exec bypass\"}")).isTrue();
            assertThat(rule.matches("{\"CommandLine\":\"x \u2013exec bypass\"}")).isTrue();
            assertThat(rule.matches("{\"CommandLine\":\"x -exec bypass\"}")).isTrue();
            assertThat(rule.matches("{\"CommandLine\":\"x +exec bypass\"}")).isFalse();
        }

        @Test
        void base64offsetFindsTheValueAtEveryAlignment() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            CommandLine|base64offset|contains: 'http://'
                        condition: sel
                    """);
            for (String prefix : List.of("", "a", "ab", "abc")) {
                String encoded = Base64.getEncoder().encodeToString((prefix + "http://x.org")
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(rule.matches("{\"CommandLine\":\"powershell -e " + encoded + "\"}")).as(prefix).isTrue();
            }
            assertThat(rule.matches("{\"CommandLine\":\"powershell -e aGVsbG8gd29ybGQ=\"}")).isFalse();
        }

        @Test
        void wideThenBase64EncodesUtf16() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            CommandLine|wide|base64offset|contains: 'ping'
                        condition: sel
                    """);
            String encoded = Base64.getEncoder().encodeToString("x ping y".getBytes(StandardCharsets.UTF_16LE));
            assertThat(rule.matches("{\"CommandLine\":\"" + encoded + "\"}")).isTrue();
        }

        @Test
        void base64EncodesTheWholeValue() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Payload|base64: 'abc'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"Payload\":\"YWJj\"}")).isTrue();
        }

        @Test
        void regexIsACaseSensitiveSearchUnlessIgnoreCase() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Name|re: 'APT\\d'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"Name\":\"group APT1 here\"}")).isTrue();
            assertThat(rule.matches("{\"Name\":\"group apt1 here\"}")).isFalse();
            RuleFixture ignoreCase = RuleFixture.detection("""
                        sel:
                            Name|re|i: '^apt\\d$'
                        condition: sel
                    """);
            assertThat(ignoreCase.matches("{\"Name\":\"APT1\"}")).isTrue();
            RuleFixture multiline = RuleFixture.detection("""
                        sel:
                            Name|re|m|s: '^b.c$'
                        condition: sel
                    """);
            assertThat(multiline.matches("{\"Name\":\"a\\nb\\nc\"}")).isTrue();
        }

        @Test
        void numericComparisons() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Size|gte: 10
                            Size|lt: 20.5
                        condition: sel
                    """);
            assertThat(rule.matches("{\"Size\":10}")).isTrue();
            assertThat(rule.matches("{\"Size\":\"20\"}")).isTrue();
            assertThat(rule.matches("{\"Size\":21}")).isFalse();
            assertThat(rule.matches("{\"Size\":\"big\"}")).isFalse();
        }

        @Test
        void fieldrefComparesTwoFieldsOfTheEvent() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            TargetUser|fieldref: SubjectUser
                        starts:
                            CommandLine|fieldref|startswith: Image
                        condition: sel and starts
                    """);
            assertThat(rule.matches("{\"TargetUser\":\"Bob\",\"SubjectUser\":\"bob\",\"Image\":\"c:\\\\x.exe\","
                    + "\"CommandLine\":\"C:\\\\x.exe /q\"}")).isTrue();
            assertThat(rule.matches("{\"TargetUser\":\"Bob\",\"SubjectUser\":\"eve\",\"Image\":\"c:\\\\x.exe\","
                    + "\"CommandLine\":\"C:\\\\x.exe /q\"}")).isFalse();
            assertThat(rule.matches("{\"TargetUser\":\"Bob\",\"Image\":\"c\",\"CommandLine\":\"c\"}")).isFalse();
        }

        @Test
        void neqNegatesTheWholeItem() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Name|neq:
                                - a
                                - b
                        condition: sel
                    """);
            assertThat(rule.matches("{\"Name\":\"c\"}")).isTrue();
            assertThat(rule.matches("{\"Name\":\"A\"}")).isFalse();
            assertThat(rule.matches("{\"Other\":1}")).isTrue();
        }

        @Test
        void existsTestsPresenceOnly() {
            RuleFixture rule = RuleFixture.detection("""
                        has:
                            Name|exists: true
                        lacks:
                            Other|exists: false
                        condition: has and lacks
                    """);
            assertThat(rule.matches("{\"Name\":\"\"}")).isTrue();
            assertThat(rule.matches("{\"Name\":\"x\",\"Other\":1}")).isFalse();
            assertThat(rule.matches("{\"Name\":null}")).isFalse();
        }

        @Test
        void expandSubstitutesConfiguredPlaceholdersOnly() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Computer|expand: '%Servers%'
                        literal:
                            Path: '%COMSPEC%'
                        condition: sel and literal
                    """, Map.of("Servers", List.of("srv1", "db*")));
            assertThat(rule.matches("{\"Computer\":\"DB7\",\"Path\":\"%comspec%\"}")).isTrue();
            assertThat(rule.matches("{\"Computer\":\"srv1\",\"Path\":\"%comspec%\"}")).isTrue();
            assertThat(rule.matches("{\"Computer\":\"ws1\",\"Path\":\"%comspec%\"}")).isFalse();
            assertThat(rule.matches("{\"Computer\":\"srv1\",\"Path\":\"cmd.exe\"}")).isFalse();
        }

        @Test
        void unresolvedPlaceholdersMakeTheRuleNotEvaluable() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Computer|expand: '%Servers%'
                        condition: sel
                    """);
            assertThat(rule.ruleSet().rules()).isEmpty();
            assertThat(rule.ruleSet().skipped()).singleElement().satisfies(s -> {
                assertThat(s.reason()).isEqualTo(SkippedRule.Reason.NOT_EVALUABLE);
                assertThat(s.detail()).contains("%Servers%");
            });
        }
    }

    @Nested
    class NullsAndKeywords {

        @Test
        void nullMeansAbsentOrJsonNullAndEmptyMeansPresentAndEmpty() {
            RuleFixture isNull = RuleFixture.detection("""
                        sel:
                            Name: null
                        condition: sel
                    """);
            assertThat(isNull.matches("{\"Other\":1}")).isTrue();
            assertThat(isNull.matches("{\"Name\":null}")).isTrue();
            assertThat(isNull.matches("{\"Name\":\"\"}")).isFalse();
            RuleFixture isEmpty = RuleFixture.detection("""
                        sel:
                            Name: ''
                        condition: sel
                    """);
            assertThat(isEmpty.matches("{\"Name\":\"\"}")).isTrue();
            assertThat(isEmpty.matches("{\"Other\":1}")).isFalse();
            assertThat(isEmpty.matches("{\"Name\":null}")).isFalse();
        }

        @Test
        void notOfAMissingFieldIsTrue() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Image|endswith: '\\x.exe'
                        filter:
                            ParentImage: 'C:\\good.exe'
                        condition: sel and not filter
                    """);
            assertThat(rule.matches("{\"Image\":\"C:\\\\x.exe\"}")).isTrue();
            assertThat(rule.matches("{\"Image\":\"C:\\\\x.exe\",\"ParentImage\":\"c:\\\\GOOD.exe\"}")).isFalse();
        }

        @Test
        void keywordsSearchEveryValueAndAllNeedsEach() {
            RuleFixture any = RuleFixture.detection("""
                        keywords:
                            - 'mimikatz'
                            - 'sekurlsa'
                        condition: keywords
                    """);
            assertThat(any.matches("{\"a\":\"run MIMIKATZ now\",\"b\":2}")).isTrue();
            assertThat(any.matches("{\"a\":\"clean\"}")).isFalse();
            RuleFixture all = RuleFixture.detection("""
                        keywords:
                            '|all':
                                - 'error'
                                - 'denied'
                        condition: keywords
                    """);
            assertThat(all.matches("{\"a\":\"Error\",\"b\":\"access denied\"}")).isTrue();
            assertThat(all.matches("{\"a\":\"Error\"}")).isFalse();
        }

        @Test
        void arrayValuesMatchWhenAnyElementMatches() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            Tags: 'evil'
                        condition: sel
                    """);
            assertThat(rule.matches("{\"Tags\":[\"good\",\"EVIL\"]}")).isTrue();
            assertThat(rule.matches("{\"Tags\":[\"good\"]}")).isFalse();
        }

        @Test
        void listsOfMapsAreOrAndMapsAreAnd() {
            RuleFixture rule = RuleFixture.detection("""
                        sel:
                            - A: 1
                              B: 2
                            - C: 3
                        condition: sel
                    """);
            assertThat(rule.matches("{\"A\":1,\"B\":2}")).isTrue();
            assertThat(rule.matches("{\"A\":1}")).isFalse();
            assertThat(rule.matches("{\"C\":3}")).isTrue();
        }
    }

    @Nested
    class Conditions {

        @Test
        void quantifiersPrecedenceAndParentheses() {
            RuleFixture rule = RuleFixture.detection("""
                        sel_a:
                            A: 1
                        sel_b:
                            B: 1
                        filter_x:
                            X: 1
                        _private:
                            P: 1
                        condition: (1 of sel_* or all of them) and not filter_x or not all of sel_* and filter_x
                    """);
            assertThat(rule.matches("{\"A\":1}")).isTrue();
            assertThat(rule.matches("{\"A\":1,\"X\":1}")).isTrue();
            assertThat(rule.matches("{\"A\":1,\"B\":1,\"X\":1}")).isFalse();
            assertThat(rule.matches("{\"X\":1}")).isTrue();
            assertThat(rule.matches("{\"P\":1}")).isFalse();
        }

        @Test
        void aQuantifierOverNoIdentifierIsDropped() {
            RuleFixture rule = RuleFixture.detection("""
                        selection:
                            A: 1
                        condition: selection and not 1 of filter*
                    """);
            assertThat(rule.matches("{\"A\":1}")).isTrue();
        }

        @Test
        void aListOfConditionsIsOr() {
            RuleFixture rule = RuleFixture.detection("""
                        a:
                            A: 1
                        b:
                            B: 1
                        condition:
                            - a
                            - b
                    """);
            assertThat(rule.matches("{\"B\":1}")).isTrue();
            assertThat(rule.matches("{\"C\":1}")).isFalse();
        }
    }

    @Test
    void nestedJsonIsReachableByDottedNames() {
        RuleFixture rule = RuleFixture.detection("""
                    sel:
                        process.name: 'bash'
                        Event.EventData.Image|endswith: '\\cmd.exe'
                    condition: sel
                """);
        assertThat(rule.matches("{\"process\":{\"name\":\"BASH\"},\"Event\":{\"EventData\":{\"Image\":\"C:\\\\cmd.exe\"}}}"))
                .isTrue();
    }
}
