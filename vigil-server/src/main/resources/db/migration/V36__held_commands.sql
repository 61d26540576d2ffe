-- Commands the command policy sends to review are held until an approver decides (issue #8): how each review ended.
ALTER TABLE access_session_command
    ADD COLUMN review_request     uuid,
    ADD COLUMN review_outcome     text CHECK (review_outcome IN ('allowed', 'denied', 'timed-out')),
    ADD COLUMN review_decided_by  text,
    ADD COLUMN review_comment     text;
