import Grading

/// The report page's style sheet, inline in its `<head>`: system fonts only, one column that
/// fits a phone (390 px) and stays under 980 px on a desktop, figures that shrink with the page,
/// and verdict colours that hold white text at a contrast of at least 4.5:1 (WCAG AA).
enum HTMLStyle {
    /// The badge colour of each verdict (white text on it).
    static func color(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: "#1a7f37"
        case .warned: "#8a6100"
        case .failed: "#cf222e"
        case .errored: "#bc4c00"
        case .missing: "#8250df"
        case .provided: "#0969da"
        case .notApplicable: "#57606a"
        }
    }

    /// The CSS class of a verdict: its JSON name (`not_applicable`).
    static func className(_ outcome: CheckOutcome) -> String { outcome.rawValue }

    static var css: String {
        let verdicts = CheckOutcome.allCases.map { outcome in
            ".badge.\(className(outcome)){background:\(color(outcome))}"
                + " .check.\(className(outcome)){border-left-color:\(color(outcome))}"
        }.joined(separator: "\n")
        return base + verdicts + "\n"
    }

    private static let base = """
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%;color-scheme:light}
        body{margin:0;background:#f6f8fa;color:#1f2328;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
        .page{max-width:980px;margin:0 auto;padding:0 12px 24px}
        h1{font-size:1.45rem;margin:16px 0 4px;overflow-wrap:anywhere}
        h2{font-size:1.2rem;margin:24px 0 8px;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
        h2 .points{font-weight:400;font-size:1rem;color:#57606a}
        code,pre{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace}
        .score{font-size:2rem;font-weight:700;margin:4px 0}
        .score small{font-size:1rem;font-weight:400;color:#57606a}
        .bar{height:10px;background:#d0d7de;border-radius:5px;overflow:hidden;max-width:420px}
        .bar span{display:block;height:100%;background:#1a7f37}
        dl.settings{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:12px 0}
        dl.settings dt{color:#57606a}
        dl.settings dd{margin:0;overflow-wrap:anywhere}
        ul.notes{margin:4px 0 0;padding-left:20px}
        .summary{list-style:none;padding:0;margin:12px 0;display:flex;flex-wrap:wrap;gap:6px 14px}
        .summary li{white-space:nowrap}
        .table-wrap{overflow-x:auto}
        table.groups{border-collapse:collapse;width:100%;font-size:.9rem;background:#fff}
        table.groups th,table.groups td{border:1px solid #d0d7de;padding:4px 8px;text-align:right}
        table.groups th:first-child,table.groups td:first-child{text-align:left}
        table.groups td.zero{color:#8c959f}
        a{color:#0550ae}
        .badge{display:inline-block;min-width:4.6em;padding:1px 6px;border-radius:4px;color:#fff;text-align:center;font:700 .78rem/1.6 ui-monospace,"DejaVu Sans Mono",Menlo,monospace;letter-spacing:.02em}
        .check{background:#fff;border:1px solid #d0d7de;border-left:6px solid #57606a;border-radius:6px;margin:8px 0;padding:8px 12px}
        .check>header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px}
        .check>header code{font-weight:600;overflow-wrap:anywhere;min-width:0}
        .check>header .points{margin-left:auto;font-variant-numeric:tabular-nums;white-space:nowrap}
        .check .title{margin:4px 0 0;color:#424a53}
        .check .verdict{color:#57606a;font-size:.85rem}
        .tag{font-size:.75rem;border:1px solid #8c959f;border-radius:10px;padding:0 6px;color:#424a53}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;border:1px solid #eaeef2;border-radius:4px;padding:8px;margin:8px 0;font-size:.84rem;max-height:32em;overflow:auto}
        .diagnosis{background:#fff8c5;border:1px solid #d4a72c;border-radius:4px;padding:6px 8px;margin:8px 0}
        .warnings{margin:8px 0;padding-left:20px}
        .warnings li{margin:2px 0;overflow-wrap:anywhere}
        .tolerance{font-size:.85rem;color:#57606a;margin:6px 0;overflow-wrap:anywhere}
        details{margin:6px 0}
        summary{cursor:pointer;color:#0550ae}
        .figures{display:flex;flex-wrap:wrap;gap:12px;margin-top:8px}
        figure{margin:0;flex:1 1 340px;min-width:0;max-width:100%}
        figure.map{flex:0 1 auto}
        figure svg{display:block;max-width:100%;height:auto;border:1px solid #eaeef2;border-radius:4px;background:#fff}
        figcaption{font-size:.82rem;color:#57606a;margin-top:4px;overflow-wrap:anywhere}
        footer{color:#57606a;font-size:.82rem;margin-top:24px}
        @media (max-width:560px){
        body{font-size:15px}
        .check{padding:8px}
        .check>header .points{margin-left:0}
        }
        @media print{body{background:#fff}.check{break-inside:avoid}}

        """
}
