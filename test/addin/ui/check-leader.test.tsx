/** @jest-environment jsdom */
// Issue 13, item 8: a point's 联系领导, when the campaign names it, is shown with its completeness.
import './jsdom-shims';
import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_CAMPAIGN } from '../../../shared';
import { Pane } from '../../../addin/src/components/Pane';
import { bindFlows } from '../../../addin/src/pane-operations';
import { FakePort, memoryStorage, messyTracker } from './fake-port';

test('the check lists 联系领导 beside the point when the campaign knows it', async () => {
  const campaign = { ...DEFAULT_CAMPAIGN, points: DEFAULT_CAMPAIGN.points.map((p) => (p.id === 'guizhou-bijie' ? { ...p, leader: '王副主席' } : p)) };
  render(
    <Pane ops={bindFlows(new FakePort({ 台账: messyTracker() }))} lang="zh" campaign={campaign} settingsStore={memoryStorage()} fileName="贵州台账.xlsx" download={() => undefined} />,
  );
  await screen.findByText(/找到表头/);
  fireEvent.click(screen.getByRole('tab', { name: '检查' }));
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  expect(await screen.findByText('联系领导：王副主席')).toBeTruthy();
});
