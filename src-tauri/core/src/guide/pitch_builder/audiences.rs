//! The audiences a pitch is built for: each sets the opening, the kind of ask and the length.

use serde::{Deserialize, Serialize};

/// Who the pitch is for: each asks for something different, and some for less time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    #[default]
    CareerFair,
    InformationalInterview,
    Professor,
    Chance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AudiencePreset {
    pub id: Audience,
    pub label: &'static str,
    /// What the draft is called when saved: "Career fair — Maya Chen".
    pub short: &'static str,
    pub band_min: u32,
    pub band_max: u32,
    /// The kind of ask that suits this audience.
    pub ask_hint: &'static str,
}

pub const AUDIENCES: [AudiencePreset; 4] = [
    AudiencePreset {
        id: Audience::CareerFair,
        label: "A recruiter at a career fair",
        short: "Career fair",
        band_min: 30,
        band_max: 45,
        ask_hint: "What does your team look for in new hires, and how should I follow up?",
    },
    AudiencePreset {
        id: Audience::InformationalInterview,
        label: "An alumna, to open an informational interview",
        short: "Informational interview",
        band_min: 45,
        band_max: 60,
        ask_hint:
            "I'd love to hear how you got where you are, and who else you'd suggest I talk to.",
    },
    AudiencePreset {
        id: Audience::Professor,
        label: "A professor",
        short: "Professor",
        band_min: 30,
        band_max: 60,
        ask_hint: "Could you point me to research, courses or people I should look into?",
    },
    AudiencePreset {
        id: Audience::Chance,
        label: "Someone met by chance",
        short: "Met by chance",
        band_min: 20,
        band_max: 40,
        ask_hint: "Do you know anyone in the field I could talk to?",
    },
];

/// The guide's hard limit for an elevator speech.
pub const MOST_SECONDS: f64 = 60.0;

pub fn preset(audience: Audience) -> &'static AudiencePreset {
    AUDIENCES
        .iter()
        .find(|p| p.id == audience)
        .expect("every audience has a preset")
}
