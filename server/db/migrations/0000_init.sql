CREATE TABLE `code_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`item_id` text NOT NULL,
	`mode` text NOT NULL,
	`language` text NOT NULL,
	`code` text NOT NULL,
	`result` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `code_runs_item_idx` ON `code_runs` (`item_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `grades` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`item_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`current` integer NOT NULL,
	`status` text NOT NULL,
	`grader` text,
	`model` text,
	`prompt_ref` text,
	`bank_version` text NOT NULL,
	`question_revision` integer NOT NULL,
	`result` text,
	`level` real,
	`error` text,
	`tries` integer DEFAULT 0 NOT NULL,
	`claimed_by` text,
	`lease_until` integer,
	`not_before` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grades_item_attempt_uq` ON `grades` (`item_id`,`attempt`);--> statement-breakpoint
CREATE INDEX `grades_status_idx` ON `grades` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `grades_session_idx` ON `grades` (`session_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`stage` text NOT NULL,
	`question_id` text NOT NULL,
	`question_revision` integer NOT NULL,
	`status` text NOT NULL,
	`follow_ups_asked` integer DEFAULT 0 NOT NULL,
	`pending_follow_up` text,
	`asked_at` integer,
	`completed_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_session_position_uq` ON `items` (`session_id`,`position`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`item_id` text,
	`seq` integer NOT NULL,
	`author` text NOT NULL,
	`kind` text NOT NULL,
	`criterion_id` text,
	`text` text NOT NULL,
	`code` text,
	`source` text NOT NULL,
	`model` text,
	`prompt_ref` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_session_seq_uq` ON `messages` (`session_id`,`seq`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`role` text NOT NULL,
	`mode` text NOT NULL,
	`drill_stage` text,
	`difficulty` text NOT NULL,
	`status` text NOT NULL,
	`feedback` text NOT NULL,
	`bank_version` text NOT NULL,
	`job_analysis_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `sessions_candidate_idx` ON `sessions` (`candidate_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `summaries` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`stage` text NOT NULL,
	`text` text NOT NULL,
	`grader` text NOT NULL,
	`model` text,
	`prompt_ref` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `summaries_session_stage_uq` ON `summaries` (`session_id`,`stage`);