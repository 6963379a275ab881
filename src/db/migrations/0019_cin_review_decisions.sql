-- A child in need plan review's decision opens what it decides, in the review's own transaction
-- (seed 004 §8: a review may step a child up to child protection or down to early help;
-- domain-spec §4.2 T11/T12/T18):
-- - step up: a strategy discussion to be held, linked from the review;
-- - step down: a referral to targeted early help, with the family's consent, whose origin is the review.
alter table cin_review add column strategy_discussion_id uuid unique references strategy_discussion (id);
alter table cin_review add constraint cin_review_step_up_opens check (strategy_discussion_id is null or decision = 'step_up');

alter table early_help_referral add column cin_review_id uuid unique references cin_review (id);
alter table early_help_referral drop constraint early_help_referral_one_origin;
alter table early_help_referral add constraint early_help_referral_one_origin check (num_nonnulls(contact_id, assessment_id, cin_review_id) = 1);
