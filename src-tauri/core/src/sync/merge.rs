//! The field-by-field merge of a card changed elsewhere: each field is compared with the card
//! both sides last agreed on (the base). A field only the other side changed comes in; one only
//! Rapport changed stays; when both changed it differently, Rapport's value stays and the other
//! is kept too — as an extra email or phone, or recorded as a conflict shown on the person.
//!
//! Phones drop what they do not know when they save a card (`X-RAPPORT-*`, `RELATED`, sometimes
//! `CATEGORIES`): a circle or tags that come back absent are not a deletion.

use serde::Serialize;

/// What sync compares of a person: the fields a card carries both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Fields {
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub organization: Option<String>,
    pub title: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub linkedin_url: Option<String>,
    pub birthday: Option<String>,
    pub notes: Option<String>,
    pub circle: Option<String>,
    pub tags: Vec<String>,
}

/// One field sync changed on a person, or a conflict it kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
    /// Both sides changed it: `before` is Rapport's value, kept; `after` the other side's.
    pub conflict: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub fields: Fields,
    pub changes: Vec<FieldChange>,
}

impl Merged {
    pub fn conflicts(&self) -> usize {
        self.changes.iter().filter(|c| c.conflict).count()
    }
}

/// Whether a field a card left out means "removed" (a property every client keeps) or "not
/// known to the program that saved it".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Absent {
    Removed,
    NotKnown,
}

fn scalar(
    field: &'static str,
    base: &Option<String>,
    ours: &Option<String>,
    theirs: &Option<String>,
    absent: Absent,
    changes: &mut Vec<FieldChange>,
) -> Option<String> {
    if theirs == base || ours == theirs || (theirs.is_none() && absent == Absent::NotKnown) {
        return ours.clone();
    }
    if ours == base {
        changes.push(FieldChange {
            field,
            before: ours.clone(),
            after: theirs.clone(),
            conflict: false,
        });
        return theirs.clone();
    }
    changes.push(FieldChange {
        field,
        before: ours.clone(),
        after: theirs.clone(),
        conflict: true,
    });
    ours.clone()
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn contains(list: &[String], value: &str) -> bool {
    list.iter().any(|v| same(v, value))
}

/// Emails, phones and tags: what the other side added comes in, what it removed (and Rapport
/// kept as it was) goes, and what Rapport added stays. Nothing either side added is lost, so
/// a "conflict" here is two additions, both kept.
fn list(
    field: &'static str,
    base: &[String],
    ours: &[String],
    theirs: &[String],
    absent: Absent,
    changes: &mut Vec<FieldChange>,
) -> Vec<String> {
    if theirs.is_empty() && absent == Absent::NotKnown {
        return ours.to_vec();
    }
    let mut merged: Vec<String> = ours
        .iter()
        .filter(|v| !(contains(base, v) && !contains(theirs, v)))
        .cloned()
        .collect();
    for value in theirs {
        if !contains(base, value) && !contains(&merged, value) {
            merged.push(value.clone());
        }
    }
    if merged != ours {
        let join = |l: &[String]| (!l.is_empty()).then(|| l.join(", "));
        changes.push(FieldChange {
            field,
            before: join(ours),
            after: join(&merged),
            conflict: false,
        });
    }
    merged
}

/// Merges `theirs` (the card as the server has it now) into `ours` (the person now), both
/// compared with `base`.
pub fn merge(base: &Fields, ours: &Fields, theirs: &Fields) -> Merged {
    use Absent::{NotKnown, Removed};
    let mut changes = Vec::new();
    let c = &mut changes;
    let display_name = scalar(
        "displayName",
        &Some(base.display_name.clone()),
        &Some(ours.display_name.clone()),
        &Some(theirs.display_name.clone()).filter(|n| !n.trim().is_empty()),
        NotKnown,
        c,
    )
    .unwrap_or_else(|| ours.display_name.clone());
    let fields = Fields {
        display_name,
        given_name: scalar(
            "givenName",
            &base.given_name,
            &ours.given_name,
            &theirs.given_name,
            Removed,
            c,
        ),
        family_name: scalar(
            "familyName",
            &base.family_name,
            &ours.family_name,
            &theirs.family_name,
            Removed,
            c,
        ),
        organization: scalar(
            "organization",
            &base.organization,
            &ours.organization,
            &theirs.organization,
            Removed,
            c,
        ),
        title: scalar("title", &base.title, &ours.title, &theirs.title, Removed, c),
        emails: list(
            "emails",
            &base.emails,
            &ours.emails,
            &theirs.emails,
            Removed,
            c,
        ),
        phones: list(
            "phones",
            &base.phones,
            &ours.phones,
            &theirs.phones,
            Removed,
            c,
        ),
        linkedin_url: scalar(
            "linkedinUrl",
            &base.linkedin_url,
            &ours.linkedin_url,
            &theirs.linkedin_url,
            NotKnown,
            c,
        ),
        birthday: scalar(
            "birthday",
            &base.birthday,
            &ours.birthday,
            &theirs.birthday,
            Removed,
            c,
        ),
        notes: scalar("notes", &base.notes, &ours.notes, &theirs.notes, Removed, c),
        circle: scalar(
            "circle",
            &base.circle,
            &ours.circle,
            &theirs.circle,
            NotKnown,
            c,
        ),
        tags: list("tags", &base.tags, &ours.tags, &theirs.tags, NotKnown, c),
    };
    Merged { fields, changes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ada() -> Fields {
        Fields {
            display_name: "Ada Lovelace".into(),
            organization: Some("Analytical Engines".into()),
            emails: vec!["ada@analytical.org".into()],
            phones: vec!["+44 20 7946 0000".into()],
            circle: Some("Professors & advisors".into()),
            tags: vec!["math".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_field_changed_only_elsewhere_comes_in_and_is_reported() {
        let mut theirs = ada();
        theirs.title = Some("Countess".into());
        let merged = merge(&ada(), &ada(), &theirs);
        assert_eq!(merged.fields, theirs);
        assert_eq!(
            merged.changes,
            [FieldChange {
                field: "title",
                before: None,
                after: Some("Countess".into()),
                conflict: false
            }]
        );
    }

    #[test]
    fn a_field_changed_only_in_rapport_stays() {
        let mut ours = ada();
        ours.organization = Some("Royal Society".into());
        let merged = merge(&ada(), &ours, &ada());
        assert_eq!(merged.fields, ours);
        assert!(merged.changes.is_empty());
    }

    #[test]
    fn both_sides_changing_a_field_keeps_rapport_s_value_and_records_the_other() {
        let (mut ours, mut theirs) = (ada(), ada());
        ours.organization = Some("Royal Society".into());
        theirs.organization = Some("University of London".into());
        let merged = merge(&ada(), &ours, &theirs);
        assert_eq!(merged.fields.organization.as_deref(), Some("Royal Society"));
        assert_eq!(merged.conflicts(), 1);
        assert_eq!(
            merged.changes[0].after.as_deref(),
            Some("University of London")
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let mut both = ada();
        both.title = Some("Countess".into());
        let merged = merge(&ada(), &both, &both);
        assert_eq!(merged.fields, both);
        assert!(merged.changes.is_empty());
    }

    #[test]
    fn an_email_added_on_each_side_keeps_both() {
        let (mut ours, mut theirs) = (ada(), ada());
        ours.emails.push("ada@royalsociety.org".into());
        theirs.emails.push("countess@lovelace.uk".into());
        let merged = merge(&ada(), &ours, &theirs);
        assert_eq!(
            merged.fields.emails,
            [
                "ada@analytical.org",
                "ada@royalsociety.org",
                "countess@lovelace.uk"
            ]
        );
    }

    #[test]
    fn a_phone_removed_elsewhere_goes_unless_rapport_just_added_it() {
        let mut theirs = ada();
        theirs.phones = vec!["+44 20 7946 0999".into()];
        let merged = merge(&ada(), &ada(), &theirs);
        assert_eq!(merged.fields.phones, ["+44 20 7946 0999"]);
    }

    #[test]
    fn a_circle_or_tags_a_phone_dropped_are_not_deleted() {
        let mut theirs = ada();
        theirs.circle = None;
        theirs.tags.clear();
        let merged = merge(&ada(), &ada(), &theirs);
        assert_eq!(merged.fields, ada());
        assert!(merged.changes.is_empty());
    }

    #[test]
    fn an_organization_removed_elsewhere_is_removed() {
        let mut theirs = ada();
        theirs.organization = None;
        let merged = merge(&ada(), &ada(), &theirs);
        assert_eq!(merged.fields.organization, None);
    }
}
