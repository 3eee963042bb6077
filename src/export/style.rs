//! The visual vocabulary shared by the drawing formats (DOT, HTML, SVG, GEXF's viz
//! colours): one colour per node type and per relation, so a legend means the same thing
//! in every export.

/// Colour of a node type, as `#rrggbb`.
pub fn type_colour(kind: &str) -> &'static str {
    match kind {
        "Organization" => "#1f77b4",
        "Person" => "#ff7f0e",
        "Deal" => "#7f7f7f",
        _ => "#bcbd22",
    }
}

/// Colour of a relation, as `#rrggbb`.
pub fn relation_colour(relation: &str) -> &'static str {
    match relation {
        "acquisition" => "#d62728",
        "merger" => "#9467bd",
        "partnership" => "#2ca02c",
        "lawsuit" => "#8c564b",
        "investment" => "#e377c2",
        "ceo_of" => "#17becf",
        "founder_of" => "#b8860b",
        "executive_of" => "#6b8e9f",
        _ => "#999999",
    }
}

/// `#rrggbb` as (r, g, b); black for anything malformed.
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let part = |i: usize| {
        h.get(i..i + 2)
            .and_then(|p| u8::from_str_radix(p, 16).ok())
            .unwrap_or(0)
    };
    (part(0), part(2), part(4))
}

/// Node radius in pixels for a degree (SVG; the HTML viewer uses the same formula).
pub fn node_radius(degree: usize) -> f64 {
    (5.0 + 2.2 * (degree as f64).sqrt()).min(16.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!(rgb(type_colour("Organization")), (0x1f, 0x77, 0xb4));
        assert_eq!(rgb("nonsense"), (0, 0, 0));
        assert_ne!(relation_colour("acquisition"), relation_colour("merger"));
    }
}
