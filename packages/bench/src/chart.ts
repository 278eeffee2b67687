/** A bar chart (SVG) of push throughput against batch size, with the ceiling as a line. */
export function batchSizeChart(points: { batch: number; rate: number }[], ceiling: number): string {
  const w = 640;
  const h = 360;
  const pad = { l: 70, r: 20, t: 40, b: 50 };
  const max = Math.max(ceiling, ...points.map((p) => p.rate)) * 1.1;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / max);
  const slot = (w - pad.l - pad.r) / points.length;
  const bars = points
    .map((p, i) => {
      const x = pad.l + i * slot + slot * 0.2;
      return `<rect x="${x}" y="${y(p.rate)}" width="${slot * 0.6}" height="${y(0) - y(p.rate)}" fill="#3b82f6"/>
  <text x="${x + slot * 0.3}" y="${y(p.rate) - 6}" text-anchor="middle" font-size="12">${Math.round(p.rate)}</text>
  <text x="${x + slot * 0.3}" y="${h - pad.b + 18}" text-anchor="middle" font-size="12">${p.batch}</text>`;
    })
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif">
  <rect width="100%" height="100%" fill="white"/>
  <text x="${w / 2}" y="22" text-anchor="middle" font-size="15">sync.push throughput (events/s, in-process) by batch size</text>
  <line x1="${pad.l}" y1="${y(0)}" x2="${w - pad.r}" y2="${y(0)}" stroke="#333"/>
  <line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${y(0)}" stroke="#333"/>
  <text x="${pad.l - 8}" y="${y(0)}" text-anchor="end" font-size="11">0</text>
  <text x="${pad.l - 8}" y="${y(max / 1.1) + 4}" text-anchor="end" font-size="11">${Math.round(max / 1.1)}</text>
  ${bars}
  <line x1="${pad.l}" y1="${y(ceiling)}" x2="${w - pad.r}" y2="${y(ceiling)}" stroke="#dc2626" stroke-dasharray="6 4"/>
  <text x="${w - pad.r}" y="${y(ceiling) - 6}" text-anchor="end" font-size="12" fill="#dc2626">pair ceiling (COPY of entity + event rows, 500/transaction): ${Math.round(ceiling)}</text>
  <text x="${w / 2}" y="${h - 12}" text-anchor="middle" font-size="12">events per push</text>
</svg>
`;
}
