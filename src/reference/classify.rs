//! The entry type, from the fields read and the cues around them.

use super::cues::*;
use super::{EntryType, Reference};

pub(super) fn classify(r: &Reference, full: &str) -> EntryType {
    let after_title = r
        .title
        .as_deref()
        .and_then(|t| full.find(t).map(|i| &full[i + t.len()..]))
        .unwrap_or(full);
    if THESIS.is_match(after_title) {
        return EntryType::Thesis;
    }
    if let Some(c) = r.container.as_deref()
        && PROCEEDINGS.is_match(c)
    {
        return EntryType::InProceedings;
    }
    let in_part = IN_PART.is_match(after_title);
    if r.container.is_some() && (in_part || !r.editors.is_empty() && !r.authors.is_empty()) {
        return EntryType::InCollection;
    }
    let title = r.title.as_deref().unwrap_or("");
    // "IMF Working Paper, No. 96/99" looks like a journal with a volume.
    if REPORT_SERIES.is_match(title) || REPORT_SERIES.is_match(after_title) {
        return EntryType::Report;
    }
    if r.container.is_some() && (r.volume.is_some() || r.issue.is_some()) && r.publisher.is_none() {
        return EntryType::Article;
    }
    if r.container.is_some() && r.publisher.is_some() && r.pages.is_some() {
        return EntryType::InCollection;
    }
    // "Report" in a title is often part of its name ("World Mortality
    // Report 2011"); after the title it describes the work.
    if REPORT.is_match(after_title) {
        return EntryType::Report;
    }
    if r.container.is_some() && r.publisher.is_none() && r.pages.is_some() {
        return EntryType::Article;
    }
    if PROCEEDINGS_TAIL.is_match(after_title) && r.volume.is_none() {
        return EntryType::InProceedings;
    }
    // Data and software are deposited, not published: a repository as
    // the publisher or in the link makes the entry neither book nor
    // article.
    let repository = |s: &str| s.split_whitespace().count() <= 3 && REPOSITORY.is_match(s);
    if r.volume.is_none()
        && r.pages.is_none()
        && (r.container.as_deref().is_some_and(repository)
            || r.container.is_none()
                && (r.publisher.as_deref().is_some_and(repository)
                    || r.url.as_deref().is_some_and(|u| REPOSITORY.is_match(u))))
    {
        return EntryType::Misc;
    }
    if let Some(p) = r.publisher.as_deref() {
        // A university that is not a university press awards theses.
        if UNIVERSITY.is_match(p)
            && !PRESS.is_match(p)
            && !ORGANISATION.is_match(p)
            && r.container.is_none()
        {
            return EntryType::Thesis;
        }
        return EntryType::Book;
    }
    if r.url.is_some() || r.doi.is_some() && r.container.is_none() {
        return if r.doi.is_some() {
            EntryType::Misc
        } else {
            EntryType::Online
        };
    }
    if r.container.is_some() {
        return EntryType::Article;
    }
    EntryType::Misc
}

pub(super) fn incomplete(r: &Reference) -> bool {
    r.container.is_none() && r.publisher.is_none() && r.url.is_none() && r.doi.is_none()
}
