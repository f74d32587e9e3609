-- linod 0.1.0: a database made by EclipseLink's DDL generation (create-or-extend-tables) on
-- Payara Micro 6.2025.10 with PostgreSQL 15.18 (Debian 15.18-0+deb12u1) (database linod, owner linod, schema public),
-- then filled by make-data.sh. Dumped by pg_dump 15 (--no-owner --no-privileges --no-comments --column-inserts
-- -t 'linod_*'); SETs, set_config, psql's \restrict lines and comments removed, 'public.' removed, values
-- with line breaks written as E'' literals so that every INSERT is one line. See README.md beside this file.
-- Load: psql -v ON_ERROR_STOP=1, or split on ";" at line ends and execute each statement over JDBC.
-- Tables are unqualified (they go to the first schema of the search_path: public).
-- The demo procedures' own tables (demo_message, demo_email) are left out.
--
-- Tables as EclipseLink made them (column, type, nullability, default) and row counts:
--
-- linod_sequence (1 rows)
--   seq_name         varchar(50)                  NOT NULL
--   seq_count        numeric(38,0)                NULL
--
-- linod_system_task (16 rows)
--   id               bigint                       NOT NULL
--   disabled         boolean                      NOT NULL
--   last_end_time    bigint                       NULL
--   last_start_time  bigint                       NULL
--   log_level        varchar(10)                  NOT NULL
--   message          text                         NULL
--   name             varchar(200)                 NOT NULL
--   next_run_time    bigint                       NULL
--   parameters       varchar(2000)                NULL
--   procedure_name   varchar(100)                 NOT NULL
--   requested_at     bigint                       NULL
--   requested_by     varchar(100)                 NULL
--   revision         bigint                       NOT NULL
--   running_run      bigint                       NULL
--   runs_count       bigint                       NOT NULL
--   seqno            integer                      NOT NULL
--   version          bigint                       NULL
--   cron             varchar(200)                 NULL
--   end_date         date                         NULL
--   end_time         time without time zone       NULL
--   every_value      integer                      NULL
--   friday           boolean                      NULL
--   max_events       integer                      NULL
--   monday           boolean                      NULL
--   positions        varchar(100)                 NULL
--   saturday         boolean                      NULL
--   start_date       date                         NULL
--   start_time       time without time zone       NULL
--   sunday           boolean                      NULL
--   thursday         boolean                      NULL
--   tuesday          boolean                      NULL
--   every_unit       varchar(10)                  NULL
--   wednesday        boolean                      NULL
--   zone_id          varchar(64)                  NULL
--
-- linod_run (41 rows)
--   id               bigint                       NOT NULL
--   end_time         bigint                       NULL
--   captured_log     text                         NULL
--   node_name        varchar(100)                 NOT NULL
--   outcome          varchar(12)                  NOT NULL
--   progress         integer                      NOT NULL
--   progress_text    varchar(500)                 NULL
--   run_as           varchar(100)                 NULL
--   start_time       bigint                       NOT NULL
--   task_id          bigint                       NOT NULL
--   task_name        varchar(200)                 NOT NULL
--
-- linod_change (54 rows)
--   id               bigint                       NOT NULL
--   changed_at       bigint                       NOT NULL
--   field_name       varchar(50)                  NOT NULL
--   new_value        varchar(4000)                NULL
--   old_value        varchar(4000)                NULL
--   task_id          bigint                       NOT NULL
--   changed_by       varchar(100)                 NOT NULL
--
-- linod_user (3 rows)
--   name             varchar(100)                 NOT NULL
--   password_hash    varchar(500)                 NOT NULL
--
-- linod_user_role (4 rows)
--   user_name        varchar(100)                 NULL
--   role_name        varchar(20)                  NULL
--
-- Constraints:
--   linod_change: linod_change_pkey PRIMARY KEY (id)
--   linod_run: linod_run_pkey PRIMARY KEY (id)
--   linod_sequence: linod_sequence_pkey PRIMARY KEY (seq_name)
--   linod_system_task: linod_system_task_pkey PRIMARY KEY (id)
--   linod_user: linod_user_pkey PRIMARY KEY (name)
--   linod_user_role: fk_linod_user_role_user_name FOREIGN KEY (user_name) REFERENCES linod_user(name)
-- Indexes besides the primary keys:
--   CREATE INDEX linod_change_task ON linod_change USING btree (task_id, changed_at)
--   CREATE INDEX linod_run_start ON linod_run USING btree (start_time)
--   CREATE INDEX linod_run_task ON linod_run USING btree (task_id, start_time)
--   CREATE INDEX linod_task_next_run ON linod_system_task USING btree (next_run_time)
-- Booleans are boolean, instants bigint epoch milliseconds, the large texts (@Lob) text.
--
CREATE TABLE linod_change (
    id bigint NOT NULL,
    changed_at bigint NOT NULL,
    field_name character varying(50) NOT NULL,
    new_value character varying(4000),
    old_value character varying(4000),
    task_id bigint NOT NULL,
    changed_by character varying(100) NOT NULL
);
CREATE TABLE linod_run (
    id bigint NOT NULL,
    end_time bigint,
    captured_log text,
    node_name character varying(100) NOT NULL,
    outcome character varying(12) NOT NULL,
    progress integer NOT NULL,
    progress_text character varying(500),
    run_as character varying(100),
    start_time bigint NOT NULL,
    task_id bigint NOT NULL,
    task_name character varying(200) NOT NULL
);
CREATE TABLE linod_sequence (
    seq_name character varying(50) NOT NULL,
    seq_count numeric(38,0)
);
CREATE TABLE linod_system_task (
    id bigint NOT NULL,
    disabled boolean NOT NULL,
    last_end_time bigint,
    last_start_time bigint,
    log_level character varying(10) NOT NULL,
    message text,
    name character varying(200) NOT NULL,
    next_run_time bigint,
    parameters character varying(2000),
    procedure_name character varying(100) NOT NULL,
    requested_at bigint,
    requested_by character varying(100),
    revision bigint NOT NULL,
    running_run bigint,
    runs_count bigint NOT NULL,
    seqno integer NOT NULL,
    version bigint,
    cron character varying(200),
    end_date date,
    end_time time without time zone,
    every_value integer,
    friday boolean,
    max_events integer,
    monday boolean,
    positions character varying(100),
    saturday boolean,
    start_date date,
    start_time time without time zone,
    sunday boolean,
    thursday boolean,
    tuesday boolean,
    every_unit character varying(10),
    wednesday boolean,
    zone_id character varying(64)
);
CREATE TABLE linod_user (
    name character varying(100) NOT NULL,
    password_hash character varying(500) NOT NULL
);
CREATE TABLE linod_user_role (
    user_name character varying(100),
    role_name character varying(20)
);
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (2, 1795992926294, 'created', 'every=1, every_unit=daily', NULL, 1, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (4, 1795992926294, 'created', 'every=1, every_unit=daily', NULL, 3, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (6, 1795992926294, 'created', 'every=1, every_unit=daily', NULL, 5, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (8, 1795992926294, 'created', 'every=1, every_unit=daily', NULL, 7, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (10, 1795992926294, 'created', 'every=300, every_unit=secondly', NULL, 9, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (12, 1795992926294, 'created', 'every=2, every_unit=minutely', NULL, 11, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (14, 1795992926294, 'created', 'every=1, every_unit=daily', NULL, 13, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (16, 1795992926294, 'created', 'every=10, every_unit=secondly', NULL, 15, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (18, 1795992926294, 'created', 'every=1, every_unit=weekly, saturday=True, start_time=04:00', NULL, 17, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (20, 1795992926294, 'created', 'every=60, every_unit=secondly', NULL, 19, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (31, 1795992932404, 'created', 'every=2, every_unit=daily', NULL, 30, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (33, 1795992932558, 'seqno', '1', '11', 30, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (34, 1795992932558, 'recurrence', 'every=1, every_unit=weekly, monday=True, wednesday=True, friday=True, start_time=06:30', 'every=2, every_unit=daily', 30, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (36, 1795992932633, 'created', 'every=1, every_unit=weekly, saturday=True, start_time=04:00', NULL, 35, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (37, 1795992932727, 'recurrence', 'every=1, every_unit=monthly, friday=True, positions=-1, start_date=2026-01-01, start_time=09:00', 'every=1, every_unit=weekly, saturday=True, start_time=04:00', 35, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (39, 1795992932800, 'created', 'every=1, every_unit=daily', NULL, 38, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (41, 1795992932984, 'logLevel', 'DEBUG', 'INFO', 38, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (42, 1795992932984, 'recurrence', 'cron=45 17 * * MON-FRI', 'every=1, every_unit=daily', 38, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (44, 1795992933053, 'created', 'every=1, every_unit=daily', NULL, 43, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (46, 1795992933253, 'recurrence', 'every=2, every_unit=daily, start_date=2026-01-01, start_time=23:00, end_date=2027-12-31, end_time=23:30, max_events=500, zone=America/New_York', 'every=1, every_unit=daily', 43, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (48, 1795992933331, 'created', 'every=3, every_unit=hourly', NULL, 47, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (51, 1795992933482, 'disabled', 'true', 'false', 47, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (52, 1795992933482, 'parameters', '{"folder": "Archive", "limit": 50}', '', 47, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (50, 1795992933482, 'logLevel', 'DEBUG', 'INFO', 47, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (54, 1795992933535, 'created', 'every=1, every_unit=daily', NULL, 53, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (56, 1795992933729, 'recurrence', 'every=1, every_unit=easter, start_date=2026-04-06, start_time=08:00', 'every=1, every_unit=daily', 53, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (57, 1795992933908, 'name', 'Easter Monday summary', 'Easter summary', 53, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (59, 1795992934001, 'created', 'every=1, every_unit=daily', NULL, 58, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (61, 1795992934119, 'deleted', NULL, 'System task #16 (Short-lived task)', 58, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (62, 1795992934373, 'logLevel', 'DEBUG', 'INFO', 1, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (63, 1795992934373, 'recurrence', 'every=1, every_unit=daily, start_time=05:15', 'every=1, every_unit=daily', 1, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (64, 1795992934425, 'requestedAt', '2026-11-29T22:55:34.425Z', NULL, 1, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (66, 1795992934849, 'requestedAt', '2026-11-29T22:55:34.849Z', NULL, 38, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (68, 1795992935268, 'requestedAt', '2026-11-29T22:55:35.268Z', NULL, 47, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (70, 1795992935740, 'requestedAt', '2026-11-29T22:55:35.740Z', NULL, 13, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (72, 1795992936225, 'requestedAt', '2026-11-29T22:55:36.225Z', NULL, 17, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (74, 1795992936657, 'requestedAt', '2026-11-29T22:55:36.657Z', NULL, 5, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (77, 1795992937120, 'requestedAt', '2026-11-29T22:55:37.120Z', NULL, 35, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (79, 1795992937521, 'requestedAt', '2026-11-29T22:55:37.521Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (81, 1795992937984, 'requestedAt', '2026-11-29T22:55:37.984Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (83, 1795992938482, 'requestedAt', '2026-11-29T22:55:38.482Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (85, 1795992938958, 'requestedAt', '2026-11-29T22:55:38.958Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (87, 1795992939449, 'requestedAt', '2026-11-29T22:55:39.449Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (89, 1795992939953, 'requestedAt', '2026-11-29T22:55:39.953Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (91, 1795992940421, 'requestedAt', '2026-11-29T22:55:40.421Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (93, 1795992940867, 'requestedAt', '2026-11-29T22:55:40.867Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (95, 1795992941256, 'requestedAt', '2026-11-29T22:55:41.256Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (97, 1795992941651, 'requestedAt', '2026-11-29T22:55:41.651Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (99, 1795992942048, 'requestedAt', '2026-11-29T22:55:42.048Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (101, 1795992942437, 'requestedAt', '2026-11-29T22:55:42.437Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (103, 1795992942813, 'requestedAt', '2026-11-29T22:55:42.813Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (105, 1795992943200, 'requestedAt', '2026-11-29T22:55:43.200Z', NULL, 19, 'admin');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (107, 1795992943214, 'disabled', 'true', 'false', 19, 'linod');
INSERT INTO linod_change (id, changed_at, field_name, new_value, old_value, task_id, changed_by) VALUES (109, 1795992947551, 'requestedAt', '2026-11-29T22:55:47.551Z', NULL, 11, 'admin');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (24, 1795992926944, E'INFO Deleted 0 runs older than PT720H.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992926513, 7, 'clear_too_old_job_history');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (21, 1795992927043, E'INFO Run 1 data checkers on demo emails: 1 problems.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992926513, 1, 'checkdata');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (22, 1795992927060, E'INFO Summary: 5 messages (5 unseen), 5 pending emails.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992926513, 3, 'checksummaries');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (23, 1795992927040, E'INFO Removed 2 seen messages.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992926513, 5, 'clear_seen_messages');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (25, 1795992927111, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992927011, 9, 'read_inbox');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (27, 1795992927244, E'WARNING Email #3 has no recipient; not sent.\nINFO Sent 7 emails.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992927103, 13, 'send_pending_emails_daily');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (28, 1795992927262, E'WARNING Email #3 has no recipient; not sent.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992927103, 15, 'send_pending_emails_often');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (29, 1795992927256, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992927103, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (76, 1795992937126, E'WARNING Email #3 has no recipient; not sent.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992937109, 15, 'send_pending_emails_often');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (78, 1795992937156, E'INFO Weekly report for linod: 13 emails sent.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992937135, 35, 'Monthly report on the last Friday');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (32, 1795992932456, E'INFO Run 1 data checkers on demo emails: 1 problems.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992932415, 30, 'Check data three times a week');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (40, 1795992932840, E'INFO Summary: 6 messages (6 unseen), 1 pending emails.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992932812, 38, 'Summaries on working days (cron)');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (45, 1795992933107, E'INFO Removed 2 seen messages.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992933080, 43, 'Clear seen messages (New York evening)');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (80, 1795992937548, E'WARNING Remote calendar answered slowly; synced partially.\n', 'vm:6766@vm', 'WARNING', 0, NULL, 'linod', 1795992937528, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (49, 1795992933393, E'INFO Read 3 messages.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992933349, 47, 'Read the archive inbox (debug)');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (55, 1795992933550, E'INFO Summary: 7 messages (7 unseen), 4 pending emails.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992933540, 53, 'Easter summary');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (60, 1795992934037, E'INFO Run 1 data checkers on demo emails: 1 problems.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992934022, 58, 'Short-lived task');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (65, 1795992934454, E'DEBUG Email #3 (Demo email 3) has no recipient.\nINFO Run 1 data checkers on demo emails: 1 problems.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992934434, 1, 'checkdata');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (67, 1795992934871, E'DEBUG Counting messages and emails.\nINFO Summary: 7 messages (7 unseen), 4 pending emails.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992934859, 38, 'Summaries on working days (cron)');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (69, 1795992935294, E'DEBUG Connected to the demo mailbox.\nINFO Read 3 messages.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992935277, 47, 'Read the archive inbox (debug)');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (82, 1795992938016, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992938001, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (71, 1795992935782, E'WARNING Email #3 has no recipient; not sent.\nINFO Sent 6 emails.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992935747, 13, 'send_pending_emails_daily');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (73, 1795992936255, E'INFO Weekly report for linod: 13 emails sent.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992936229, 17, 'send_weekly_report');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (98, 1795992941669, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992941662, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (75, 1795992936680, E'INFO Removed 3 seen messages.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992936661, 5, 'clear_seen_messages');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (84, 1795992938506, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992938490, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (86, 1795992938977, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992938965, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (100, 1795992942058, E'WARNING Remote calendar answered slowly; synced partially.\n', 'vm:6766@vm', 'WARNING', 0, NULL, 'linod', 1795992942052, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (88, 1795992939484, E'WARNING Remote calendar answered slowly; synced partially.\n', 'vm:6766@vm', 'WARNING', 0, NULL, 'linod', 1795992939463, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (90, 1795992939981, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992939968, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (108, 1795992947132, E'WARNING Email #3 has no recipient; not sent.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992947123, 15, 'send_pending_emails_often');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (92, 1795992940443, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992940428, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (94, 1795992940892, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992940875, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (96, 1795992941276, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992941267, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (26, 1795992947387, E'INFO Search index rebuilt.\n', 'vm:6766@vm', 'SUCCESS', 100, 'Indexed part 20 of 20', 'linod', 1795992927103, 11, 'rebuild_search_index');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (102, 1795992942449, E'WARNING Remote calendar answered slowly; synced partially.\n', 'vm:6766@vm', 'WARNING', 0, NULL, 'linod', 1795992942441, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (104, 1795992942821, '', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992942817, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (106, 1795992943214, E'java.io.IOException: Remote calendar server did not answer.\n\tat lino.linod.demo.SyncRemoteCalendar.run(SyncRemoteCalendar.java:24)\n\tat lino.linod.demo.SyncRemoteCalendar$Proxy$_$$_WeldClientProxy.run(Unknown Source)\n\tat lino.linod.daemon.Daemon.execute(Daemon.java:299)\n\tat lino.linod.daemon.Daemon.lambda$launch$1(Daemon.java:285)\n\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)\n\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)\n\tat org.glassfish.enterprise.concurrent.internal.ManagedFutureTask.run(ManagedFutureTask.java:119)\n\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)\n\tat java.base/java.lang.Thread.run(Thread.java:840)\n\tat org.glassfish.enterprise.concurrent.ManagedThreadFactoryImpl$ManagedThread.run(ManagedThreadFactoryImpl.java:322)\n', 'vm:6766@vm', 'FAILED', 0, NULL, 'linod', 1795992943204, 19, 'sync_remote_calendar');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (110, 1795992967676, E'INFO Search index rebuilt.\n', 'vm:6766@vm', 'SUCCESS', 100, 'Indexed part 20 of 20', 'linod', 1795992947560, 11, 'rebuild_search_index');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (111, 1795992957134, E'WARNING Email #3 has no recipient; not sent.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992957127, 15, 'send_pending_emails_often');
INSERT INTO linod_run (id, end_time, captured_log, node_name, outcome, progress, progress_text, run_as, start_time, task_id, task_name) VALUES (112, 1795992967135, E'WARNING Email #3 has no recipient; not sent.\n', 'vm:6766@vm', 'SUCCESS', 100, NULL, 'linod', 1795992967128, 15, 'send_pending_emails_often');
INSERT INTO linod_sequence (seq_name, seq_count) VALUES ('LINOD_IDS', 120);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (43, false, 1795992933107, 1795992933080, 'INFO', E'INFO Removed 2 seen messages.\n', 'Clear seen messages (New York evening)', 1796011200000, NULL, 'clear_seen_messages', NULL, NULL, 1, NULL, 1, 13, 4, NULL, '2027-12-31', '23:30:00', 2, false, 500, false, NULL, false, '2026-01-01', '23:00:00', false, false, false, 'DAILY', false, 'America/New_York');
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (38, false, 1795992934871, 1795992934859, 'DEBUG', E'DEBUG Counting messages and emails.\nINFO Summary: 7 messages (7 unseen), 4 pending emails.\n', 'Summaries on working days (cron)', 1796057100000, NULL, 'checksummaries', NULL, NULL, 1, NULL, 2, 12, 7, '45 17 * * MON-FRI', NULL, NULL, 1, false, NULL, false, NULL, false, NULL, NULL, false, false, false, NULL, false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (7, false, 1795992926944, 1795992926513, 'INFO', E'INFO Deleted 0 runs older than PT720H.\n', 'clear_too_old_job_history', 1796079326513, NULL, 'clear_too_old_job_history', NULL, NULL, 0, NULL, 1, 4, 3, NULL, NULL, NULL, 1, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'DAILY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (3, false, 1795992927060, 1795992926513, 'INFO', E'INFO Summary: 5 messages (5 unseen), 5 pending emails.\n', 'checksummaries', 1796079326513, NULL, 'checksummaries', NULL, NULL, 0, NULL, 1, 2, 3, NULL, NULL, NULL, 1, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'DAILY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (9, false, 1795992927111, 1795992927011, 'WARNING', '', 'read_inbox', 1795993227011, NULL, 'read_inbox', NULL, NULL, 0, NULL, 1, 5, 3, NULL, NULL, NULL, 300, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'SECONDLY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (30, false, 1795992932456, 1795992932415, 'INFO', E'INFO Run 1 data checkers on demo emails: 1 problems.\n', 'Check data three times a week', 1796016600000, NULL, 'checkdata', NULL, NULL, 1, NULL, 1, 1, 4, NULL, NULL, NULL, 1, true, NULL, true, NULL, false, NULL, '06:30:00', false, false, false, 'WEEKLY', true, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (35, false, 1795992937156, 1795992937135, 'INFO', E'INFO Weekly report for linod: 13 emails sent.\n', 'Monthly report on the last Friday', 1798185600000, NULL, 'send_weekly_report', NULL, NULL, 1, NULL, 1, 11, 5, NULL, NULL, NULL, 1, true, NULL, false, '-1', false, '2026-01-01', '09:00:00', false, false, false, 'MONTHLY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (53, false, 1795992933550, 1795992933540, 'INFO', E'INFO Summary: 7 messages (7 unseen), 4 pending emails.\n', 'Easter Monday summary', 1806300000000, NULL, 'checksummaries', NULL, NULL, 2, NULL, 1, 15, 5, NULL, NULL, NULL, 1, false, NULL, false, NULL, false, '2026-04-06', '08:00:00', false, false, false, 'EASTER', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (47, true, 1795992935294, 1795992935277, 'DEBUG', E'DEBUG Connected to the demo mailbox.\nINFO Read 3 messages.\n', 'Read the archive inbox (debug)', 1796003735277, '{"folder": "Archive", "limit": 50}', 'read_inbox', NULL, NULL, 1, NULL, 2, 14, 7, NULL, NULL, NULL, 3, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'HOURLY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (1, false, 1795992934454, 1795992934434, 'DEBUG', E'DEBUG Email #3 (Demo email 3) has no recipient.\nINFO Run 1 data checkers on demo emails: 1 problems.\n', 'checkdata', 1796012100000, NULL, 'checkdata', NULL, NULL, 1, NULL, 2, 1, 7, NULL, NULL, NULL, 1, false, NULL, false, NULL, false, NULL, '05:15:00', false, false, false, 'DAILY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (13, false, 1795992935782, 1795992935747, 'INFO', E'WARNING Email #3 has no recipient; not sent.\nINFO Sent 6 emails.\n', 'send_pending_emails_daily', 1796079335747, NULL, 'send_pending_emails_daily', NULL, NULL, 0, NULL, 2, 7, 6, NULL, NULL, NULL, 1, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'DAILY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (17, false, 1795992936255, 1795992936229, 'INFO', E'INFO Weekly report for linod: 13 emails sent.\n', 'send_weekly_report', 1796439600000, NULL, 'send_weekly_report', NULL, NULL, 0, NULL, 1, 9, 4, NULL, NULL, NULL, 1, false, NULL, false, NULL, true, NULL, '04:00:00', false, false, false, 'WEEKLY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (5, false, 1795992936680, 1795992936661, 'INFO', E'INFO Removed 3 seen messages.\n', 'clear_seen_messages', 1796079336661, NULL, 'clear_seen_messages', NULL, NULL, 0, NULL, 2, 3, 6, NULL, NULL, NULL, 1, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'DAILY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (15, false, 1795992967135, 1795992967128, 'WARNING', E'WARNING Email #3 has no recipient; not sent.\n', 'send_pending_emails_often', 1795992977128, NULL, 'send_pending_emails_often', NULL, NULL, 0, NULL, 5, 8, 11, NULL, NULL, NULL, 10, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'SECONDLY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (11, false, 1795992967676, 1795992947560, 'INFO', E'INFO Search index rebuilt.\n', 'rebuild_search_index', 1795993067560, NULL, 'rebuild_search_index', NULL, NULL, 0, NULL, 2, 6, 6, NULL, NULL, NULL, 2, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'MINUTELY', false, NULL);
INSERT INTO linod_system_task (id, disabled, last_end_time, last_start_time, log_level, message, name, next_run_time, parameters, procedure_name, requested_at, requested_by, revision, running_run, runs_count, seqno, version, cron, end_date, end_time, every_value, friday, max_events, monday, positions, saturday, start_date, start_time, sunday, thursday, tuesday, every_unit, wednesday, zone_id) VALUES (19, true, 1795992943214, 1795992943204, 'WARNING', E'java.io.IOException: Remote calendar server did not answer.\n\tat lino.linod.demo.SyncRemoteCalendar.run(SyncRemoteCalendar.java:24)\n\tat lino.linod.demo.SyncRemoteCalendar$Proxy$_$$_WeldClientProxy.run(Unknown Source)\n\tat lino.linod.daemon.Daemon.execute(Daemon.java:299)\n\tat lino.linod.daemon.Daemon.lambda$launch$1(Daemon.java:285)\n\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)\n\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)\n\tat org.glassfish.enterprise.concurrent.internal.ManagedFutureTask.run(ManagedFutureTask.java:119)\n\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)\n\tat java.base/java.lang.Thread.run(Thread.java:840)\n\tat org.glassfish.enterprise.concurrent.ManagedThreadFactoryImpl$ManagedThread.run(ManagedThreadFactoryImpl.java:322)\n', 'sync_remote_calendar', 1795993003204, NULL, 'sync_remote_calendar', NULL, NULL, 0, NULL, 15, 10, 45, NULL, NULL, NULL, 60, false, NULL, false, NULL, false, NULL, NULL, false, false, false, 'SECONDLY', false, NULL);
INSERT INTO linod_user (name, password_hash) VALUES ('admin', 'PBKDF2WithHmacSHA256:2048:N6z0qTkBZI32SK1lW5d7wVuhHphARdy1E12rpA13Eys=:pIBDwgzz0IZq2KVwJN2f37at7yk3z9fY4Ycz7VMyR7U=');
INSERT INTO linod_user (name, password_hash) VALUES ('vera', 'PBKDF2WithHmacSHA256:2048:T8EhPdd+3xc0Dn3Kv1SO+OnCqPvjV1c57pWehp9W+a8=:NHyYnEF3yNIidlexFc4D1GUtXti7RtreRwJFI/SU/fw=');
INSERT INTO linod_user (name, password_hash) VALUES ('otto', 'PBKDF2WithHmacSHA256:2048:qHFS9Y1CXGfKa9AlDi6odO9MZmw/jzhyo9o4iiF/5Bg=:mh22Sch3SC50wRykzTHE9ceFu/4PN7RIt8cAA8gAT6A=');
INSERT INTO linod_user_role (user_name, role_name) VALUES ('admin', 'staff');
INSERT INTO linod_user_role (user_name, role_name) VALUES ('vera', 'viewer');
INSERT INTO linod_user_role (user_name, role_name) VALUES ('otto', 'staff');
INSERT INTO linod_user_role (user_name, role_name) VALUES ('otto', 'viewer');
ALTER TABLE ONLY linod_change
    ADD CONSTRAINT linod_change_pkey PRIMARY KEY (id);
ALTER TABLE ONLY linod_run
    ADD CONSTRAINT linod_run_pkey PRIMARY KEY (id);
ALTER TABLE ONLY linod_sequence
    ADD CONSTRAINT linod_sequence_pkey PRIMARY KEY (seq_name);
ALTER TABLE ONLY linod_system_task
    ADD CONSTRAINT linod_system_task_pkey PRIMARY KEY (id);
ALTER TABLE ONLY linod_user
    ADD CONSTRAINT linod_user_pkey PRIMARY KEY (name);
CREATE INDEX linod_change_task ON linod_change USING btree (task_id, changed_at);
CREATE INDEX linod_run_start ON linod_run USING btree (start_time);
CREATE INDEX linod_run_task ON linod_run USING btree (task_id, start_time);
CREATE INDEX linod_task_next_run ON linod_system_task USING btree (next_run_time);
ALTER TABLE ONLY linod_user_role
    ADD CONSTRAINT fk_linod_user_role_user_name FOREIGN KEY (user_name) REFERENCES linod_user(name);
