package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class AwsCloudTrailTest {

    @Test
    void apiCallKeepsItsFieldsAndGetsTheCommonOnes() {
        Event event = ParsedEvents.json("""
                {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLEALICE",
                 "arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012",
                 "accessKeyId":"AKIAEXAMPLEALICE","userName":"alice"},"eventTime":"2026-03-29T10:15:42Z",
                 "eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","awsRegion":"us-east-1",
                 "sourceIPAddress":"198.51.100.23","userAgent":"aws-cli/2.15.30 Python/3.11.8",
                 "requestParameters":{"userName":"bob"},"responseElements":{"accessKey":{"accessKeyId":"AKIAEXAMPLEBOB",
                 "status":"Active","userName":"bob","createDate":"Mar 29, 2026, 10:15:42 AM"}},
                 "requestID":"2b4d1e50-0000-4000-8000-000000000001","eventID":"7c1e2f30-0000-4000-8000-000000000002",
                 "readOnly":false,"eventType":"AwsApiCall","managementEvent":true,
                 "recipientAccountId":"123456789012","eventCategory":"Management"}""");

        FieldValues.assertObeyTheValueRule(event);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:15:42Z"));
        assertThat(event.fields()).contains(
                entry("eventSource", "iam.amazonaws.com"),
                entry("eventName", "CreateAccessKey"),
                entry("userIdentity.type", "IAMUser"),
                entry("requestParameters.userName", "bob"),
                entry("responseElements.accessKey.userName", "bob"),
                entry("readOnly", false),
                entry("event.action", "CreateAccessKey"),
                entry("event.provider", "iam.amazonaws.com"),
                entry("event.outcome", "success"),
                entry("source.ip", "198.51.100.23"),
                entry("user.name", "alice"),
                entry("user.id", "AIDAEXAMPLEALICE"),
                entry("user_agent.original", "aws-cli/2.15.30 Python/3.11.8"),
                entry("cloud.provider", "aws"),
                entry("cloud.region", "us-east-1"),
                entry("cloud.account.id", "123456789012"),
                entry("event.kind", "event"),
                entry("event.dataset", "aws.cloudtrail"));
    }

    @Test
    void errorCodeMeansFailureAndAServiceAsSourceIsNoIp() {
        Event event = ParsedEvents.json("""
                {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole",
                 "arn":"arn:aws:sts::123456789012:assumed-role/deploy/session-7","accountId":"123456789012"},
                 "eventTime":"2026-03-29T11:00:00Z","eventSource":"s3.amazonaws.com","eventName":"PutBucketPolicy",
                 "awsRegion":"eu-west-1","sourceIPAddress":"cloudformation.amazonaws.com",
                 "errorCode":"AccessDenied","errorMessage":"Access Denied","recipientAccountId":"123456789012"}""");

        assertThat(event.fields()).contains(
                entry("event.outcome", "failure"),
                entry("errorCode", "AccessDenied"),
                entry("sourceIPAddress", "cloudformation.amazonaws.com"),
                entry("user.name", "session-7"),
                entry("event.dataset", "aws.cloudtrail"));
        assertThat(event.fields()).doesNotContainKey("source.ip");
    }

    @Test
    void consoleSignInOutcomeComesFromTheResponse() {
        Event failed = ParsedEvents.json("""
                {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"carol"},
                 "eventTime":"2026-03-29T12:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",
                 "sourceIPAddress":"203.0.113.9","responseElements":{"ConsoleLogin":"Failure"},
                 "additionalEventData":{"MFAUsed":"No"}}""");

        assertThat(failed.fields()).contains(entry("event.outcome", "failure"),
                entry("responseElements.ConsoleLogin", "Failure"), entry("additionalEventData.MFAUsed", "No"));
    }

    @Test
    void nearMissesStayGeneric() {
        // no eventVersion; and a delivery file's Records wrapper (not split into records)
        Event noVersion = ParsedEvents.json(
                "{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"eventTime\":\"2026-03-29T10:00:00Z\"}");
        Event wrapped = ParsedEvents.json("{\"Records\":[{\"eventVersion\":\"1.08\","
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}]}");

        assertThat(noVersion.fields()).contains(entry("event.dataset", "json"), entry("eventName", "CreateUser"))
                .doesNotContainKey("event.action");
        assertThat(wrapped.fields()).containsEntry("event.dataset", "json");
    }
}
