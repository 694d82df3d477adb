//! Who someone is, as keys that survive how a program wrote them: a LinkedIn profile without
//! its host or query, an email in lower case, a phone number's last digits, a name without case,
//! accents or extra spaces. Import matching, duplicates and merge all compare people by these.

pub(crate) use crate::network::people::is_email;

/// `https://www.linkedin.com/in/ada-lovelace/?trk=x` and `linkedin.com/in/Ada-Lovelace` are the
/// same profile: the key is the host-less, lower-case path without a trailing slash or query.
pub fn canonical_linkedin_url(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    if lower.contains(char::is_whitespace) {
        return None;
    }
    let without_scheme = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let path_start = without_scheme.find('/')?;
    let host = &without_scheme[..path_start];
    if !(host == "linkedin.com" || host.ends_with(".linkedin.com")) {
        return None;
    }
    let path = without_scheme[path_start..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    (path.len() > 1).then(|| format!("linkedin.com{path}"))
}

pub fn canonical_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// "+1 (408) 555-0100" and "408.555.0100" are one number: the key is its last nine digits
/// (enough to tell numbers apart, and the same with or without a country code). Shorter
/// numbers (extensions, short codes) are no key.
pub(crate) fn phone_key(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| digits[digits.len().saturating_sub(9)..].iter().collect())
}

/// Folds case, accents and spacing, so "José  Núñez" and "jose nunez" are one name.
pub(crate) fn folded_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
