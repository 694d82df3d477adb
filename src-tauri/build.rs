//! Declares the app's commands so that Tauri generates a permission for each: the webview can
//! call only those granted in `src-tauri/capabilities/`.

/// Every `#[tauri::command]` of the app. A command missing here cannot be called from the UI.
const COMMANDS: &[&str] = &[
    "list_circles",
    "add_circle",
    "list_people",
    "search_people",
    "get_person",
    "get_me",
    "add_person",
    "update_person",
    "set_person_archived",
    "delete_person",
    "restore_person",
    "person_timeline",
    "log_interaction",
    "list_followups",
    "add_followup",
    "complete_followup",
    "dismiss_followup",
    "reopen_followup",
    "snooze_followup",
    "plan_meeting",
    "get_meeting",
    "list_meetings",
    "update_meeting",
    "set_meeting_state",
    "set_prep_step",
    "set_agenda",
    "suggested_agenda",
    "add_air",
    "remove_air",
    "share_resource",
    "similar_people",
    "list_pitches",
    "add_pitch",
    "update_pitch",
    "delete_pitch",
    "pitch_versions",
    "restore_pitch_version",
    "duplicate_pitch",
    "time_pitch",
    "speaking_rate",
    "set_speaking_rate",
    "list_questions",
    "add_question",
    "update_question",
    "archive_question",
    "draft_request",
    "draft_thank_you",
    "draft_follow_up",
    "draft_referrer_update",
    "today_overview",
    "list_opportunities",
    "add_opportunity",
    "update_opportunity",
    "set_opportunity_status",
    "delete_opportunity",
    "list_organizations",
    "set_organization_target",
    "list_targets",
    "export_meeting_ics",
    "add_link",
    "links_of",
    "remove_link",
    "who_do_i_know_at",
    "mutual_contacts",
    "warm_paths",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS))
        // Embed ui/ from the build script, so that editing a UI file rebuilds the app (the
        // generate_context! macro would only notice on a change to the Rust code).
        .codegen(tauri_build::CodegenContext::new());
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
