//! Rapport's desktop shell: a thin Tauri layer over `rapport_core`. It registers the commands,
//! keeps the app in the tray, and runs the loop that turns due follow-ups into notifications.

pub mod cli;
mod commands;
#[cfg(target_os = "linux")]
mod desktop_notifications;
mod error;
mod logging;
pub mod reminders;
pub mod tray;
mod wall_timer;
mod window;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use rapport_core::import::{ImportFormat, Parsed};
use rapport_core::Store;
use tauri::{Builder, RunEvent, Runtime};

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
            commands::people::list_circles,
            commands::people::add_circle,
            commands::people::list_people,
            commands::people::search_people,
            commands::people::get_person,
            commands::people::get_me,
            commands::people::add_person,
            commands::people::update_person,
            commands::people::set_person_archived,
            commands::people::delete_person,
            commands::people::restore_person,
            commands::people::person_timeline,
            commands::interactions::log_interaction,
            commands::followups::list_followups,
            commands::followups::add_followup,
            commands::followups::complete_followup,
            commands::followups::dismiss_followup,
            commands::followups::reopen_followup,
            commands::followups::snooze_followup,
            commands::meetings::plan_meeting,
            commands::meetings::get_meeting,
            commands::meetings::list_meetings,
            commands::meetings::update_meeting,
            commands::meetings::set_meeting_state,
            commands::meetings::set_prep_step,
            commands::meetings::set_agenda,
            commands::meetings::suggested_agenda,
            commands::meetings::add_air,
            commands::meetings::remove_air,
            commands::meetings::share_resource,
            commands::meetings::similar_people,
            commands::pitches::list_pitches,
            commands::pitches::add_pitch,
            commands::pitches::update_pitch,
            commands::pitches::delete_pitch,
            commands::pitches::pitch_versions,
            commands::pitches::restore_pitch_version,
            commands::pitches::duplicate_pitch,
            commands::pitches::time_pitch,
            commands::pitches::speaking_rate,
            commands::pitches::set_speaking_rate,
            commands::questions::list_questions,
            commands::questions::add_question,
            commands::questions::update_question,
            commands::questions::archive_question,
            commands::questions::draft_request,
            commands::questions::draft_thank_you,
            commands::questions::draft_follow_up,
            commands::questions::draft_referrer_update,
            commands::today::today_overview,
            commands::opportunities::list_opportunities,
            commands::opportunities::add_opportunity,
            commands::opportunities::update_opportunity,
            commands::opportunities::set_opportunity_status,
            commands::opportunities::delete_opportunity,
            commands::opportunities::list_organizations,
            commands::opportunities::set_organization_target,
            commands::opportunities::list_targets,
            commands::calendar::export_meeting_ics,
            commands::graph::add_link,
            commands::graph::links_of,
            commands::graph::remove_link,
            commands::graph::who_do_i_know_at,
            commands::graph::mutual_contacts,
            commands::graph::warm_paths,
            commands::followups::notifications_available,
            commands::settings::get_settings,
            commands::settings::set_quiet_hours,
            commands::settings::set_circle_cadence,
            commands::settings::set_autostart,
            commands::settings::open_data_folder,
            commands::settings::set_backup_dir,
            commands::exchange::stage_import,
            commands::exchange::preview_import,
            commands::exchange::apply_import,
            commands::exchange::cancel_import,
            commands::exchange::export_data,
            commands::backups::backup_now,
            commands::backups::list_backups,
            commands::backups::restore_backup,
            commands::duplicates::likely_duplicates,
            commands::duplicates::merge_people,
            commands::duplicates::undo_merge,
            commands::duplicates::mark_distinct,
            commands::graph::network_map,
            commands::window::window_painted,
            commands::followups::followups_ahead,
            commands::people::list_people_summaries,
        ])
}

/// Runs the desktop app over the store in `data_dir` until the user quits from the tray.
/// The argument the login item passes: start in the tray, without opening the window.
pub const HIDDEN_ARG: &str = "--hidden";

/// When the tray is made if the window never says it has painted.
const TRAY_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(3);

pub fn run(data_dir: &Path, hidden: bool) -> Result<(), String> {
    logging::init(data_dir);
    let store = Arc::new(Store::open(data_dir).map_err(|e| e.to_string())?);
    let (handle, inbox) = reminders::channel();
    let watched_dir = data_dir.to_path_buf();
    let state = AppState::new(store.clone(), handle.clone());

    // Single-instance first, so that a second launch hands over before anything else starts.
    let builder = Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            window::show_main(app);
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
            if hidden {
                tray::create_once(app.handle());
            } else {
                // The window first, and the tray once the window has painted its first data
                // (`window_painted`): making the tray holds the main thread, which serves the
                // page its files. At the latest after a few seconds, whatever the page does.
                window::show_main(app.handle());
                let handle = app.handle().clone();
                std::thread::spawn(move || {
                    std::thread::sleep(TRAY_AT_THE_LATEST);
                    let on_main = handle.clone();
                    let _ = handle.run_on_main_thread(move || tray::create_once(&on_main));
                });
            }
            reminders::start(app.handle().clone(), store, inbox, &watched_dir);
            Ok(())
        })
        .build(tauri::tauri_build_context!())
        .map_err(|e| e.to_string())?;
    app.run(|_app, event| {
        // Closing the last window keeps Rapport in the tray; only Quit (an explicit exit code)
        // ends the process.
        if let RunEvent::ExitRequested {
            code: None, api, ..
        } = event
        {
            api.prevent_exit();
        }
    });
    Ok(())
}
