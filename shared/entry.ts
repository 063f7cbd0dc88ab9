// What a typed entry (the add-activity form) writes into a tracker cell: the canonical name where the
// text is recognised (so every tracker reads the same), a real date, a number; else the text as typed.
import { campaignYear } from './campaign';
import { classifyActivity } from './classify';
import { parseDate } from './dates';
import { TYPE_LABELS } from './labels';
import { matchLiaisonPoint } from './match';
import type { Campaign, CellValue, FieldKey } from './types';

export function entryCellValue(field: FieldKey, text: string | undefined, campaign: Campaign): CellValue {
  const value = (text ?? '').trim();
  if (value === '') return null;
  switch (field) {
    case 'date': {
      const parsed = parseDate(value, { defaultYear: campaignYear(campaign) });
      if (!parsed.ok) return value;
      const [y, m, d] = parsed.date.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'liaisonPoint':
      return matchLiaisonPoint(value, campaign)?.name ?? value;
    case 'type': {
      const { type, recognised } = classifyActivity(value);
      return recognised ? TYPE_LABELS[type].zh : value;
    }
    case 'participants':
      return /^\d+$/.test(value) ? Number(value) : value;
    default:
      return value;
  }
}
