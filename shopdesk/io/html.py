"""A Report as HTML for QTextDocument printing; every value is escaped, never interpreted."""

from __future__ import annotations

from html import escape

from shopdesk.reports import Report, format_cell

_CSS = """
body { font-size: 9pt; }
h1 { font-size: 14pt; margin: 0; }
p.sub { color: #444; margin: 2px 0 8px 0; }
table { border-collapse: collapse; }
th { background: #dde6f0; font-weight: bold; border: 1px solid #999; padding: 3px; }
td { border: 1px solid #ccc; padding: 2px 3px; }
td.num { text-align: right; }
tr.group td { background: #eeeeee; font-weight: bold; }
tr.mark td { background: #fde2e1; }
"""

_NUMERIC = {"int", "decimal", "money", "percent"}


def render(report: Report) -> str:
    cols = report.columns
    total_width = sum(c.width for c in cols) or 1
    out = [f"<html><head><style>{_CSS}</style></head><body>"]
    out.append(f"<h1>{escape(report.title)}</h1>")
    sub = " · ".join(x for x in (report.shop, report.subtitle) if x)
    if sub:
        out.append(f"<p class='sub'>{escape(sub)}</p>")
    out.append("<table width='100%' cellspacing='0' cellpadding='3'><thead><tr>")
    for c in cols:
        out.append(f"<th width='{round(100 * c.width / total_width)}%'>{escape(c.title)}</th>")
    out.append("</tr></thead><tbody>")
    for section in report.sections:
        if section.title:
            out.append(
                f"<tr class='group'><td colspan='{len(cols)}'>{escape(section.title)}</td></tr>"
            )
        for row in section.rows:
            marked = bool(report.highlight_key and row.get(report.highlight_key))
            out.append("<tr class='mark'>" if marked else "<tr>")
            for c in cols:
                cls = " class='num'" if c.kind in _NUMERIC else ""
                out.append(f"<td{cls}>{escape(format_cell(row.get(c.key), c))}</td>")
            out.append("</tr>")
    out.append("</tbody></table>")
    for note in report.notes:
        out.append(f"<p>{escape(note)}</p>")
    out.append("</body></html>")
    return "".join(out)
