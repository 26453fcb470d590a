-- A case whose command ran away (a loop nothing waits in, a timer the engine cannot schedule, or an
-- exception inside bpmn-engine) is halted: the command is rolled back and an incident of kind
-- 'halted' is opened. Its timers are not fired while it is open; retrying the incidents resolves it.
alter table incidents add column kind text not null default 'service' check (kind in ('service', 'halted'));
