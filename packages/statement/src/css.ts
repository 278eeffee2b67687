/**
 * The statement's only style, one `<style>` element: mobile-first, A4 when printed. The server
 * allows exactly this text by its hash in the page's Content-Security-Policy (no inline style
 * attributes anywhere), so keep every style here.
 */
export const STATEMENT_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Devanagari",sans-serif;color:#1a1a1a;background:#f4f4f2}
main{max-width:720px;margin:0 auto;padding:16px;background:#fff;min-height:100vh}
header{border-bottom:2px solid #1a1a1a;padding-bottom:10px;margin-bottom:14px}
.shop{margin:0;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#555}
h1{margin:4px 0 2px;font-size:21px;line-height:1.25}
.asof{margin:0;color:#555;font-size:13px}
.summary{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline;margin:0 0 16px}
.figure{display:flex;flex-direction:column}
.figure span{font-size:12px;color:#555;text-transform:uppercase;letter-spacing:.03em}
.figure strong{font-size:26px;font-variant-numeric:tabular-nums}
.overdue{color:#a3220f}
.credit{color:#17663a}
.overdue-since{flex-basis:100%;margin:0;color:#a3220f;font-weight:600}
table{width:100%;border-collapse:collapse;font-size:14px}
th{font-size:11px;text-transform:uppercase;letter-spacing:.03em;color:#555;text-align:start;border-bottom:1px solid #999;padding:4px 4px 4px 0}
td{border-bottom:1px solid #e2e2e2;padding:6px 4px 6px 0;vertical-align:top}
.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.when{white-space:nowrap;color:#444}
.kind{font-weight:600}
.detail{display:block;font-size:12px;color:#555}
.minus{color:#17663a}
.none{color:#555}
.totals{margin:16px 0 0}
.thanks{margin:20px 0 0;text-align:center;font-weight:600}
@media (max-width:480px){main{padding:12px}table{font-size:13px}th,td{padding-inline-end:3px}}
@page{size:A4;margin:14mm 12mm}
@media print{
body{background:#fff;font-size:11pt}
main{max-width:none;padding:0;min-height:0}
thead{display:table-header-group}
tr{break-inside:avoid}
.figure strong{font-size:18pt}
a{color:inherit;text-decoration:none}
}
`;
