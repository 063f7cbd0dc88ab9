// The month picker of the 报送 and 中央汇总 screens: the campaign's months, 2017年5月 in Chinese.
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { campaignMonths, monthLabel } from '../../../shared/calendar';
import type { Campaign, IsoMonth } from '../../../shared/types';
import { useLang, type Lang } from '../i18n';

function monthText(month: IsoMonth, lang: Lang): string {
  return lang === 'en' ? month : monthLabel(month);
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
