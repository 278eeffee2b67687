/** The dashboard's palette, so the phone and the web read as one product. */
export const colors = {
  bg: '#f6f5f1',
  surface: '#ffffff',
  text: '#1c1b18',
  muted: '#6b6960',
  border: '#e4e1d8',
  accent: '#0f766e',
  accentSoft: '#e3f2ef',
  owed: '#b4410b',
  owedSoft: '#fdf0e7',
  paid: '#15803d',
  paidSoft: '#e8f5ec',
  danger: '#b42318',
  dangerSoft: '#fdecea',
  warn: '#8a5a00',
  warnSoft: '#fff4d6',
} as const;

export const space = { xs: 4, sm: 8, md: 12, lg: 16, xl: 24 } as const;
export const radius = 10;
