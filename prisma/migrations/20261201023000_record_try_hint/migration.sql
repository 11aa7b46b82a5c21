-- record_try (see 20261130204500_record_try) also refuses with 'changed' when the try finishes the
-- problem and a hint was taken after the app read it (the review's rating counts the hint), so the
-- app reads again and rates the review with the hint.
CREATE OR REPLACE FUNCTION "record_try"(
    p_instance_id UUID,
    p_user_id UUID,
    p_submission_id UUID,
    p_client_submission_id TEXT,
    p_tries_before INTEGER,
    p_answer JSONB,
    p_status TEXT,
    p_correct BOOLEAN,
    p_diagnosis TEXT,
    p_feedback JSONB,
    p_elapsed_ms INTEGER,
    p_late BOOLEAN,
    -- Only when the try finishes the problem (else NULL):
    p_finished_at TIMESTAMPTZ(3),
    p_outcome "InstanceOutcome",
    p_duration_ms INTEGER,
    -- The card the next card was computed from (p_card_existed false: there was none) ...
    p_card_existed BOOLEAN,
    p_card_due TIMESTAMPTZ(3),
    p_card_reps INTEGER,
    p_card_last_review TIMESTAMPTZ(3),
    -- ... and the review: the card after (a CardRow, lib/srs), the card before (NULL for a new card).
    p_rating "RatingName",
    p_hint_used BOOLEAN,
    p_state_before JSONB,
    p_state_after JSONB,
    p_elapsed_days INTEGER,
    p_scheduled_days INTEGER,
    p_reviewed_at TIMESTAMPTZ(3)
) RETURNS TEXT
LANGUAGE plpgsql
AS $record_try$
DECLARE
    v_tries INTEGER;
    v_finished TIMESTAMPTZ(3);
    v_skill TEXT;
    v_hint_used_at TIMESTAMPTZ(3);
    v_card RECORD;
    v_written INTEGER;
BEGIN
    SELECT "triesUsed", "finishedAt", "skillId", "hintUsedAt" INTO v_tries, v_finished, v_skill, v_hint_used_at
    FROM "ProblemInstance" WHERE "id" = p_instance_id AND "userId" = p_user_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'not_found';
    END IF;
    IF EXISTS (SELECT 1 FROM "Submission"
               WHERE "userId" = p_user_id AND "clientSubmissionId" = p_client_submission_id) THEN
        RETURN 'duplicate';
    END IF;
    IF v_finished IS NOT NULL THEN
        RETURN 'finished';
    END IF;
    IF v_tries <> p_tries_before THEN
        RETURN 'changed';
    END IF;
    -- A hint taken since the read changes the review's rating: compute again.
    IF p_finished_at IS NOT NULL AND (v_hint_used_at IS NOT NULL) IS DISTINCT FROM p_hint_used THEN
        RETURN 'changed';
    END IF;

    IF p_finished_at IS NOT NULL THEN
        -- The card first, so that a refusal comes before any write.
        IF p_card_existed THEN
            SELECT "due", "reps", "lastReview" INTO v_card FROM "SkillCard"
            WHERE "userId" = p_user_id AND "skillId" = v_skill FOR UPDATE;
            IF NOT FOUND OR v_card."due" <> p_card_due OR v_card."reps" <> p_card_reps
               OR v_card."lastReview" IS DISTINCT FROM p_card_last_review THEN
                RETURN 'card_changed';
            END IF;
            UPDATE "SkillCard" SET
                "due" = (p_state_after->>'due')::TIMESTAMPTZ,
                "stability" = (p_state_after->>'stability')::DOUBLE PRECISION,
                "difficulty" = (p_state_after->>'difficulty')::DOUBLE PRECISION,
                "elapsedDays" = (p_state_after->>'elapsedDays')::INTEGER,
                "scheduledDays" = (p_state_after->>'scheduledDays')::INTEGER,
                "learningSteps" = (p_state_after->>'learningSteps')::INTEGER,
                "reps" = (p_state_after->>'reps')::INTEGER,
                "lapses" = (p_state_after->>'lapses')::INTEGER,
                "state" = (p_state_after->>'state')::"CardStateName",
                "lastReview" = (p_state_after->>'lastReview')::TIMESTAMPTZ,
                "lastRating" = (p_state_after->>'lastRating')::"RatingName",
                "updatedAt" = now()
            WHERE "userId" = p_user_id AND "skillId" = v_skill;
        ELSE
            INSERT INTO "SkillCard" ("userId", "skillId", "due", "stability", "difficulty", "elapsedDays",
                "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "lastRating")
            VALUES (p_user_id, v_skill,
                (p_state_after->>'due')::TIMESTAMPTZ,
                (p_state_after->>'stability')::DOUBLE PRECISION,
                (p_state_after->>'difficulty')::DOUBLE PRECISION,
                (p_state_after->>'elapsedDays')::INTEGER,
                (p_state_after->>'scheduledDays')::INTEGER,
                (p_state_after->>'learningSteps')::INTEGER,
                (p_state_after->>'reps')::INTEGER,
                (p_state_after->>'lapses')::INTEGER,
                (p_state_after->>'state')::"CardStateName",
                (p_state_after->>'lastReview')::TIMESTAMPTZ,
                (p_state_after->>'lastRating')::"RatingName")
            ON CONFLICT ("userId", "skillId") DO NOTHING;
            GET DIAGNOSTICS v_written = ROW_COUNT;
            IF v_written = 0 THEN
                -- Another review created the card meanwhile.
                RETURN 'card_changed';
            END IF;
        END IF;
    END IF;

    INSERT INTO "Submission" ("id", "instanceId", "userId", "clientSubmissionId", "tryNumber", "answer",
        "status", "correct", "diagnosis", "feedback", "elapsedMs")
    VALUES (p_submission_id, p_instance_id, p_user_id, p_client_submission_id, p_tries_before + 1, p_answer,
        p_status, p_correct, p_diagnosis, p_feedback, p_elapsed_ms);

    IF p_finished_at IS NULL THEN
        UPDATE "ProblemInstance" SET "triesUsed" = p_tries_before + 1, "late" = "late" OR p_late
        WHERE "id" = p_instance_id;
        RETURN 'recorded';
    END IF;

    UPDATE "ProblemInstance" SET "triesUsed" = p_tries_before + 1, "late" = "late" OR p_late,
        "finishedAt" = p_finished_at, "outcome" = p_outcome, "durationMs" = p_duration_ms
    WHERE "id" = p_instance_id;
    INSERT INTO "Review" ("userId", "skillId", "instanceId", "rating", "outcome", "tries", "hintUsed",
        "durationMs", "stateBefore", "stateAfter", "elapsedDays", "scheduledDays", "reviewedAt")
    VALUES (p_user_id, v_skill, p_instance_id, p_rating, p_outcome, p_tries_before + 1, p_hint_used,
        p_duration_ms, p_state_before, p_state_after, p_elapsed_days, p_scheduled_days, p_reviewed_at);
    RETURN 'recorded';
END;
$record_try$;
