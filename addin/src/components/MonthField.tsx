// The month picker of the 报送 and 中央汇总 screens: the campaign's months, 2017年5月 in Chinese.
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { campaignMonths, monthLabel } from '../../../shared/calendar';
import type { Campaign, IsoMonth } from '../../../shared/types';
import { useLang, type Lang } from '../i18n';

/** 2017年5月 in Chinese, May 2017 in English. */
export function monthText(month: IsoMonth, lang: Lang): string {
  if (lang !== 'en') return monthLabel(month);
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export interface MonthFieldProps {
  label: string;
  campaign: Campaign;
  month: IsoMonth;
  onMonth: (month: IsoMonth) => void;
  className?: string;
}

export function MonthField({ label, campaign, month, onMonth, className }: MonthFieldProps) {
  const lang = useLang();
  return (
    <Field label={label} className={className}>
      <Dropdown value={monthText(month, lang)} selectedOptions={[month]} onOptionSelect={(_, data) => data.optionValue && onMonth(data.optionValue)}>
        {campaignMonths(campaign).map((m) => (
          <Option key={m} value={m}>
            {monthText(m, lang)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
