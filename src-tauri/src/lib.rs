//! Rapport's desktop shell: a thin Tauri layer over `rapport_core`. It registers the commands
//! and shows the window. Where the agent (`rapport-agent`) is installed beside it, the agent has
//! the tray and the reminder loop and this process ends with its window (`agent`); elsewhere it
//! keeps the tray and runs the loop itself (`tray`, `reminders`).

pub mod agent;
pub mod cli;
mod commands;
pub mod console;
mod error;
pub mod reminders;
pub mod tray;
mod window;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use rapport_core::exchange::import::{ImportFormat, Parsed};
use rapport_core::Store;
use tauri::{Builder, Manager, RunEvent, Runtime};

pub use error::{CommandError, CommandResult};

static PROCESS_STARTED: OnceLock<Instant> = OnceLock::new();

/// Notes when this process started (called first thing in `main`), so that the log can say how
/// long the window took to show its data.
pub fn note_process_start() {
    PROCESS_STARTED.get_or_init(Instant::now);
}

/// Time since [`note_process_start`], if it was noted.
pub(crate) fn since_process_start() -> Option<std::time::Duration> {
    PROCESS_STARTED.get().map(Instant::elapsed)
}

/// What every command can reach.
pub struct AppState {
    pub store: Arc<Store>,
    reminders: reminders::Handle,
    /// A file read for import, waiting for its preview and the user's go-ahead.
    staged_import: Mutex<Option<(ImportFormat, Parsed)>>,
    pub notifications: reminders::NotificationHealth,
}

impl AppState {
    pub fn new(store: Arc<Store>, reminders: reminders::Handle) -> Self {
        AppState {
            store,
            reminders,
            staged_import: Mutex::new(None),
            notifications: Default::default(),
        }
    }

    pub(crate) fn staged_import(&self) -> MutexGuard<'_, Option<(ImportFormat, Parsed)>> {
        self.staged_import
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Tells the reminder loop (and the tray) that the store changed.
    pub fn changed(&self) {
        self.reminders.changed();
    }
}

/// The app's commands and state on any runtime: the real one, or the mock runtime in tests.
pub fn with_commands<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::network::people::list_circles,
            commands::network::people::add_circle,
            commands::network::people::list_people,
            commands::network::people::search_people,
            commands::network::people::get_person,
            commands::network::people::get_me,
            commands::network::people::add_person,
            commands::network::people::update_person,
            commands::network::people::set_person_archived,
            commands::network::people::delete_person,
            commands::network::people::restore_person,
            commands::followups::interactions::person_timeline,
            commands::followups::interactions::log_interaction,
            commands::followups::list_followups,
            commands::followups::add_followup,
            commands::followups::complete_followup,
            commands::followups::dismiss_followup,
            commands::followups::reopen_followup,
            commands::followups::snooze_followup,
            commands::guide::meetings::plan_meeting,
            commands::guide::meetings::get_meeting,
            commands::guide::meetings::list_meetings,
            commands::guide::meetings::update_meeting,
            commands::guide::meetings::set_meeting_state,
            commands::guide::meetings::set_prep_step,
            commands::guide::meetings::set_agenda,
            commands::guide::meetings::suggested_agenda,
            commands::guide::meetings::add_air,
            commands::guide::meetings::remove_air,
            commands::followups::interactions::share_resource,
            commands::network::people::similar_people,
            commands::guide::pitches::list_pitches,
            commands::guide::pitches::add_pitch,
            commands::guide::pitches::update_pitch,
            commands::guide::pitches::delete_pitch,
            commands::guide::pitches::pitch_versions,
            commands::guide::pitches::restore_pitch_version,
            commands::guide::pitches::duplicate_pitch,
            commands::guide::pitches::time_pitch,
            commands::guide::pitches::speaking_rate,
            commands::guide::pitches::set_speaking_rate,
            commands::guide::questions::list_questions,
            commands::guide::questions::add_question,
            commands::guide::questions::update_question,
            commands::guide::questions::archive_question,
            commands::guide::questions::draft_request,
            commands::guide::questions::draft_thank_you,
            commands::guide::questions::draft_follow_up,
            commands::guide::questions::draft_referrer_update,
            commands::coach::today::today_overview,
            commands::network::people::set_person_strength,
            commands::coach::plan::weekly_plan,
            commands::coach::plan::set_plan_item_aside,
            commands::coach::goals::list_goals,
            commands::coach::goals::add_goal,
            commands::coach::goals::update_goal,
            commands::coach::goals::remove_goal,
            commands::coach::goals::progress_report,
            commands::guide::pitches::pitch_audiences,
            commands::guide::pitches::build_pitch,
            commands::guide::pitches::chosen_pitch,
            commands::guide::pitches::choose_pitch,
            commands::guide::pitches::draft_exploring,
            commands::store::settings::set_birthday_days_before,
            commands::store::settings::set_digest_time,
            commands::guide::opportunities::list_opportunities,
            commands::guide::opportunities::add_opportunity,
            commands::guide::opportunities::update_opportunity,
            commands::guide::opportunities::set_opportunity_status,
            commands::guide::opportunities::delete_opportunity,
            commands::guide::opportunities::list_organizations,
            commands::guide::opportunities::set_organization_target,
            commands::guide::opportunities::list_targets,
            commands::exchange::calendar::export_meeting_ics,
            commands::network::graph::add_link,
            commands::network::graph::links_of,
            commands::network::graph::remove_link,
            commands::network::graph::who_do_i_know_at,
            commands::network::graph::mutual_contacts,
            commands::network::graph::warm_paths,
            commands::followups::notification_trouble,
            commands::store::settings::get_settings,
            commands::store::accounts::list_accounts,
            commands::store::accounts::add_account,
            commands::store::accounts::sync_now,
            commands::store::accounts::remove_account,
            commands::store::accounts::sync_conflicts,
            commands::store::accounts::set_account_password,
            commands::store::accounts::person_sync,
            commands::store::accounts::send_card_again,
            commands::store::settings::set_quiet_hours,
            commands::store::settings::set_circle_cadence,
            commands::store::settings::set_autostart,
            commands::store::settings::open_data_folder,
            commands::store::settings::set_backup_dir,
            commands::exchange::stage_import,
            commands::exchange::preview_import,
            commands::exchange::apply_import,
            commands::exchange::cancel_import,
            commands::exchange::export_data,
            commands::store::backups::backup_now,
            commands::store::backups::list_backups,
            commands::store::backups::restore_backup,
            commands::network::duplicates::likely_duplicates,
            commands::network::duplicates::merge_people,
            commands::network::duplicates::undo_merge,
            commands::network::duplicates::mark_distinct,
            commands::network::graph::network_map,
            commands::network::graph::network_overview,
            commands::network::graph::person_neighbourhood,
            commands::window::window_painted,
            commands::followups::followups_ahead,
            commands::network::people::list_people_summaries,
            commands::network::faces::person_addresses,
            commands::network::faces::set_person_addresses,
            commands::network::faces::person_photo,
            commands::network::faces::set_person_photo,
            commands::network::faces::remove_person_photo,
            commands::network::faces::photo_thumbnails,
        ])
}

/// The argument the login item passes: start in the tray, without opening the window.
pub const HIDDEN_ARG: &str = "--hidden";
/// The argument that opens the window on one follow-up (the tray agent passes it).
pub const SHOW_FOLLOWUP_ARG: &str = "--show-followup";
/// The argument that closes an open window (the agent's Quit passes it).
pub const QUIT_ARG: &str = "--quit";

/// The follow-up a second launch asks for (`--show-followup ID` or `--show-followup=ID`).
fn followup_asked_for(argv: &[String]) -> Option<i64> {
    let at = argv.iter().position(|arg| arg == SHOW_FOLLOWUP_ARG);
    let value = match at {
        Some(i) => argv.get(i + 1).map(String::as_str),
        None => argv
            .iter()
            .find_map(|arg| arg.strip_prefix(SHOW_FOLLOWUP_ARG)?.strip_prefix('=')),
    };
    value?.parse().ok()
}

/// When the tray is made if the window never says it has painted.
const TRAY_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(3);

/// Runs the desktop app over the store in `data_dir` until the user quits from the tray (or,
/// where the agent has the tray, until the window closes).
pub fn run(data_dir: &Path, hidden: bool, show_followup: Option<i64>) -> Result<(), String> {
    rapport_reminders::logging::init(data_dir);
    let store = Arc::new(Store::open(data_dir).map_err(|e| e.to_string())?);
    let (handle, inbox) = reminders::channel();
    let watched_dir = data_dir.to_path_buf();
    let state = AppState::new(store.clone(), handle.clone());

    // Single-instance first, so that a second launch hands over before anything else starts.
    let builder = Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
            if argv.iter().any(|arg| arg == QUIT_ARG) {
                // The agent's Quit: the window goes with it.
                agent::quitting();
                return app.exit(0);
            }
            match followup_asked_for(&argv) {
                Some(id) => window::show_followup(app, id),
                None => window::show_main(app),
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![HIDDEN_ARG]),
        ));
    let app = with_commands(builder, state)
        .on_window_event(window::on_event)
        .setup(move |app| {
            let health = app.state::<AppState>().notifications.clone();
            // The tray belongs with the reminder loop: where the agent runs it, it has the tray.
            let with_tray = match agent::beside_this_program() {
                Some(program) => {
                    agent::hold_window_lock(&watched_dir);
                    let (handle, loop_store, dir) =
                        (app.handle().clone(), store.clone(), watched_dir.clone());
                    agent::supervise(program, watched_dir.clone(), move || {
                        if reminders::start(handle, loop_store.clone(), health, inbox, &dir) {
                            tracing::error!("no agent could be started: the window runs the reminders while it is open");
                            rapport_sync::background::start(loop_store, &dir);
                        }
                    });
                    agent::watch_store(app.handle().clone(), store, &watched_dir);
                    false
                }
                None => {
                    let started =
                        reminders::start(app.handle().clone(), store.clone(), health, inbox, &watched_dir);
                    if started {
                        rapport_sync::background::start(store, &watched_dir);
                    }
                    started
                }
            };
            if with_tray {
                tray::own();
            } else if hidden {
                tracing::info!("started hidden, and the agent has the tray: nothing to do");
                app.handle().exit(0);
                return Ok(());
            }
            if hidden {
                tray::create_once(app.handle());
            } else {
                // The window first, and the tray once the window has painted its first data
                // (`window_painted`): making the tray holds the main thread, which serves the
                // page its files. At the latest after a few seconds, whatever the page does.
                match show_followup {
                    Some(id) => window::show_followup(app.handle(), id),
                    None => window::show_main(app.handle()),
                }
                let handle = app.handle().clone();
                std::thread::spawn(move || {
                    std::thread::sleep(TRAY_AT_THE_LATEST);
                    let on_main = handle.clone();
                    let _ = handle.run_on_main_thread(move || tray::create_once(&on_main));
                });
            }
            Ok(())
        })
        .build(tauri::tauri_build_context!())
        .map_err(|e| e.to_string())?;
    app.run(|_app, event| {
        // Closing the last window keeps Rapport in the tray; only Quit (an explicit exit code)
        // ends the process. Where the agent has the tray, the window's process ends with it.
        if let RunEvent::ExitRequested {
            code: None, api, ..
        } = event
        {
            if tray::owned() {
                api.prevent_exit();
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::followup_asked_for;

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn a_second_launch_may_ask_for_one_follow_up() {
        assert_eq!(
            followup_asked_for(&argv(&[
                "rapport",
                "--data-dir",
                "/d",
                "--show-followup",
                "7"
            ])),
            Some(7)
        );
        assert_eq!(
            followup_asked_for(&argv(&["rapport", "--show-followup=12"])),
            Some(12)
        );
        assert_eq!(followup_asked_for(&argv(&["rapport"])), None);
        assert_eq!(
            followup_asked_for(&argv(&["rapport", "--show-followup", "x"])),
            None
        );
    }
}
