CREATE TABLE `job_analyses` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`posted_title` text,
	`text` text NOT NULL,
	`offline` text NOT NULL,
	`llm` text,
	`llm_error` text,
	`model` text,
	`prompt_ref` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `job_analyses_candidate_idx` ON `job_analyses` (`candidate_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`horizon_months` integer NOT NULL,
	`target_role` text NOT NULL,
	`milestones` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plans_candidate_idx` ON `plans` (`candidate_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `self_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`ratings` text NOT NULL,
	`target_roles` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `self_assessments_candidate_idx` ON `self_assessments` (`candidate_id`,`created_at`);