-- A case that reached a supervision step of its process (挂牌督办 by a timer: the packs' form
-- `supervise`) is marked supervised like one a leader put under supervision, from the time the step
-- was first created (the engine does it from now on: CaseEngineOptions.supervisionForms). Cases that
-- reached one before are marked here, so the inbox, the case view, the case list and the statistics
-- read one flag for both.
update cases c
   set supervised_at = s.first
  from (select case_id, min(created_at) as first from tasks where form_key = 'supervise' group by case_id) s
 where s.case_id = c.id and c.supervised_at is null;
