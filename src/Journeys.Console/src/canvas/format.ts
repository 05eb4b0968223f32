const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number | undefined | null): string {
  return numberFormat.format(value ?? 0);
}

export function formatTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/Z$/, ' UTC');
}
