//! The report's bookmarks and the title page's contents, gathered section by section.

/// One bookmark and the bookmarks under it.
#[derive(Clone, Debug)]
pub(crate) struct OutlineItem {
    pub title: String,
    pub page: usize,
    pub children: Vec<OutlineItem>,
}

impl OutlineItem {
    /// A bookmark to `page` with nothing under it.
    pub(super) fn leaf(title: impl Into<String>, page: usize) -> OutlineItem {
        OutlineItem {
            title: title.into(),
            page,
            children: Vec::new(),
        }
    }
}

/// The bookmarks (starting with the title page's) and the contents (section, page) as the
/// sections are composed.
#[derive(Debug)]
pub(super) struct Sections {
    pub outline: Vec<OutlineItem>,
    pub contents: Vec<(String, usize)>,
}

impl Sections {
    pub(super) fn new() -> Sections {
        Sections {
            outline: vec![OutlineItem::leaf("Title page", 0)],
            contents: Vec::new(),
        }
    }

    /// A section listed in the contents and bookmarked, with `children` bookmarked under it.
    pub(super) fn add(&mut self, title: &str, page: usize, children: Vec<OutlineItem>) {
        self.contents.push((title.to_owned(), page));
        self.outline.push(OutlineItem {
            title: title.to_owned(),
            page,
            children,
        });
    }

    /// A line of the contents with no bookmark of its own (it is bookmarked under another).
    pub(super) fn list(&mut self, title: &str, page: usize) {
        self.contents.push((title.to_owned(), page));
    }
}
