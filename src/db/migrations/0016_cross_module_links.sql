-- The links between records that were written as separate modules (migrations 0009-0014) and are
-- now joined: the record an authorised child and family assessment opened (a child in need plan and
-- episode, a strategy discussion), and the section 47 enquiry and strategy discussion an initial
-- child protection conference follows. Each column was nullable from the start; now a value must
-- name a real record.
alter table cin_episode add constraint cin_episode_assessment_fk foreign key (assessment_id) references assessment (id);
alter table cin_plan add constraint cin_plan_assessment_fk foreign key (assessment_id) references assessment (id);
alter table strategy_discussion_child add constraint strategy_discussion_child_assessment_fk foreign key (assessment_id) references assessment (id);
alter table cp_conference add constraint cp_conference_section47_fk foreign key (section47_id) references section47_enquiry (id);
alter table cp_conference add constraint cp_conference_strategy_discussion_fk foreign key (strategy_discussion_id) references strategy_discussion (id);
create index cin_plan_assessment_idx on cin_plan (assessment_id) where assessment_id is not null;
create index cp_conference_section47_idx on cp_conference (section47_id) where section47_id is not null;
