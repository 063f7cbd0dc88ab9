// The accessibility scan every end-to-end screen goes through: axe-core in the real page, failing on any
// serious or critical violation (each listed with its rule and the elements it found).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page } as unknown as ConstructorParameters<typeof AxeBuilder>[0])
    // Fluent UI's focus manager (Tabster) puts hidden focus sentinels around tab lists and dialogs; they hand
    // the focus straight on and are never read out, but axe reports them as aria-hidden-focus.
    .exclude('[data-tabster-dummy]')
    .analyze();
  const grave = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect(grave).toEqual([]);
}
