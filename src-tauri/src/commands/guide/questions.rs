use rapport_core::guide::drafts::{Draft, DraftMedium, RequestDraftInput, ThankYouMedium};
use rapport_core::guide::questions::{Question, QuestionTheme};
use serde::Serialize;
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

/// A bank question with its theme's label, for grouping in the UI.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BankQuestion {
    #[serde(flatten)]
    question: Question,
    theme_label: &'static str,
}

#[tauri::command]
pub async fn list_questions(state: State<'_, AppState>) -> CommandResult<Vec<BankQuestion>> {
    let questions = state.store.questions()?;
    Ok(questions
        .into_iter()
        .map(|question| BankQuestion {
            theme_label: question.theme.label(),
            question,
        })
        .collect())
}

#[tauri::command]
pub async fn add_question(
    state: State<'_, AppState>,
    theme: QuestionTheme,
    text: String,
) -> CommandResult<Question> {
    Ok(state.store.add_question(theme, &text)?)
}

/// Rewrites a question; a built-in one is kept (archived) and the rewrite gets a new id.
#[tauri::command]
pub async fn update_question(
    state: State<'_, AppState>,
    id: i64,
    text: String,
) -> CommandResult<Question> {
    Ok(state.store.update_question(id, &text)?)
}

#[tauri::command]
pub async fn archive_question(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store.archive_question(id)?)
}

#[tauri::command]
pub async fn draft_request(input: RequestDraftInput) -> CommandResult<Draft> {
    Ok(rapport_core::guide::drafts::draft_request(&input))
}

#[tauri::command]
pub async fn draft_thank_you(
    their_name: String,
    my_name: String,
    what_helped: String,
    medium: ThankYouMedium,
    formal_interview: bool,
) -> CommandResult<Draft> {
    Ok(rapport_core::guide::drafts::draft_thank_you(
        &their_name,
        &my_name,
        &what_helped,
        medium,
        formal_interview,
    ))
}

#[tauri::command]
pub async fn draft_follow_up(
    their_name: String,
    my_name: String,
    update: String,
    medium: DraftMedium,
) -> CommandResult<Draft> {
    Ok(rapport_core::guide::drafts::draft_follow_up(
        &their_name,
        &my_name,
        &update,
        medium,
    ))
}

/// "If your original contact referred you to someone who was helpful, send him/her a quick note."
#[tauri::command]
pub async fn draft_referrer_update(
    referrer_name: String,
    my_name: String,
    referred_name: String,
    how_it_helped: String,
    medium: ThankYouMedium,
) -> CommandResult<Draft> {
    Ok(rapport_core::guide::drafts::draft_referrer_update(
        &referrer_name,
        &my_name,
        &referred_name,
        &how_it_helped,
        medium,
    ))
}
